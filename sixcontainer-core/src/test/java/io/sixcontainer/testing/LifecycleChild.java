package io.sixcontainer.testing;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A child JVM for lifecycle tests. {@code detach ROOT NAME CMD...}: launches a detached
 * container, prints "id ID" (or "error MESSAGE") and exits. {@code attach ROOT NAME CMD...}:
 * launches an attached container, prints "id ID", and waits to be killed.
 */
public final class LifecycleChild {

    private LifecycleChild() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[1]));
        List<String> command = Arrays.asList(args).subList(3, args.length);
        ContainerSpec spec = ContainerSpec.builder().rootfs(runtime.busyboxRootfs()).name(args[2])
                .command(command).detached(args[0].equals("detach")).build();
        try {
            Container c = runtime.launch(spec);
            System.out.println("id " + c.id());
        } catch (ContainerException e) {
            System.out.println("error " + e.getMessage());
        }
        System.out.flush();
        if (args[0].equals("attach")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
