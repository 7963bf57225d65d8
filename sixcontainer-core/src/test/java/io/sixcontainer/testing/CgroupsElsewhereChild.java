package io.sixcontainer.testing;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ExecProcess;
import io.sixcontainer.ExecSpec;
import io.sixcontainer.Resources;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for a host whose cgroup hierarchies are mounted somewhere other than
 * {@code /sys/fs/cgroup} ({@code ROOT}): launches a container with a pids limit, execs a
 * command into it, and prints "init LINE" and "exec LINE" for each line of
 * {@code /proc/PID/cgroup} of its init and of the exec'd process, then "id ID".
 */
public final class CgroupsElsewhereChild {

    private CgroupsElsewhereChild() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        try (ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[0]));
             Container c = runtime.launch(ContainerSpec.builder().rootfs(runtime.busyboxRootfs())
                     .command("sleep", "60").resources(Resources.builder().pidsMax(50).build()).build());
             ExecProcess p = c.exec(ExecSpec.of("sleep", "60"))) {
            Files.readAllLines(Path.of("/proc", Integer.toString(c.pid()), "cgroup")).forEach(l -> System.out.println("init " + l));
            Files.readAllLines(Path.of("/proc", Integer.toString(p.pid()), "cgroup")).forEach(l -> System.out.println("exec " + l));
            System.out.println("id " + c.id());
            p.kill();
        }
        System.out.flush();
    }
}
