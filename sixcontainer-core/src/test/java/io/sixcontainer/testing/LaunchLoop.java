package io.sixcontainer.testing;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by CrashRecoveryTest: launches, waits for and removes containers in a
 * loop (detached and attached, alternately) until it is killed at some arbitrary point.
 */
public final class LaunchLoop {

    private LaunchLoop() {
    }

    /** {@code args[0]}: the runtime root. */
    public static void main(String[] args) {
        ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[0]));
        Path rootfs = runtime.busyboxRootfs();
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            boolean detached = i % 2 == 0;
            // Attached ones run until they are closed, so the kill often finds one running.
            Container c = runtime.launch(ContainerSpec.builder().rootfs(rootfs)
                    .command(detached ? List.of("sh", "-c", "exit 0") : List.of("sleep", "1000"))
                    .detached(detached).build());
            if (detached) {
                c.waitFor();
                c.remove(false);
            } else {
                System.out.println("pid " + c.pid());
                System.out.flush();
                c.close();
            }
        }
    }
}
