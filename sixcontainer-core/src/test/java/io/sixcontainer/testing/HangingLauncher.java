package io.sixcontainer.testing;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;

/**
 * Run in a child JVM by JvmDeathTest: launches a long-running container that mounts a
 * tmpfs of its own, prints the init's host pid, then waits to be killed.
 */
public final class HangingLauncher {

    private HangingLauncher() {
    }

    /** {@code args[0]}: the runtime root. */
    public static void main(String[] args) throws Exception {
        ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[0]));
        Container c = runtime.launch(ContainerSpec.builder()
                .rootfs(runtime.busyboxRootfs())
                .command("sh", "-c", "mount -t tmpfs marker /tmp && sleep 1000 & sleep 1000; wait")
                // Mounting inside needs CAP_SYS_ADMIN and no seccomp filter.
                .security(io.sixcontainer.Security.privileged())
                .build());
        System.out.println("pid " + c.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
