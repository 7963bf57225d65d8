package io.sixcontainer.testing;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.Runtime;
import java.nio.file.Path;

/**
 * Run in a child JVM by CrashRecoveryTest: launches, waits for and removes containers in a
 * loop (detached and attached, alternately) until it is killed at some arbitrary point.
 */
public final class LaunchLoop {

    private LaunchLoop() {
    }

    /** {@code args[0]}: the runtime root. */
    public static void main(String[] args) {
        Runtime runtime = Runtime.open(Path.of(args[0]));
        Path rootfs = runtime.busyboxRootfs();
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            Container c = runtime.launch(ContainerSpec.builder().rootfs(rootfs).command("sh", "-c", "exit 0")
                    .detached(i % 2 == 0).build());
            c.waitFor();
            c.remove(false);
        }
    }
}
