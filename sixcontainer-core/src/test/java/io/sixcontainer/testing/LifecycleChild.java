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
 * launches an attached container, prints "id ID", and waits to be killed. With
 * {@code -Dsixc.test.network=NAME} the container is on that bridge network, with
 * {@code -Dsixc.test.publish=PORT} it publishes that TCP port.
 */
public final class LifecycleChild {

    private LifecycleChild() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[1]));
        List<String> command = Arrays.asList(args).subList(3, args.length);
        ContainerSpec.Builder b = ContainerSpec.builder().rootfs(runtime.busyboxRootfs()).name(args[2])
                .command(command).detached(args[0].equals("detach"));
        String network = System.getProperty("sixc.test.network");
        if (network != null) {
            b.network(io.sixcontainer.Network.bridge(network));
        }
        String publish = System.getProperty("sixc.test.publish");
        if (publish != null) {
            // WebServer's script writes its pages there.
            b.publish(io.sixcontainer.PublishedPort.tcp(Integer.parseInt(publish))).tmpfs("/www", "exec");
        }
        ContainerSpec spec = b.build();
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
