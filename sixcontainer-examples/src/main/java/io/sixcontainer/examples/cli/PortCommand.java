package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.PublishedPort;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc port}: a container's published ports. */
@Command(name = "port", mixinStandardHelpOptions = true,
        description = "List a container's published ports, or where one port is published.",
        footer = {"", "Examples:", "  sixc port web", "  sixc port web 80/tcp"})
final class PortCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PORT[/PROTO]")
    String port;

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            List<PublishedPort> ports = ContainerRef.require(runtime, container).info().ports();
            boolean any = false;
            for (PublishedPort p : ports) {
                String proto = p.containerPort() + "/" + p.transport().name().toLowerCase(Locale.ROOT);
                String host = (p.hostIp() == null ? "0.0.0.0" : p.hostIp().getHostAddress()) + ":" + p.hostPort();
                if (port == null) {
                    System.out.println(proto + " -> " + host);
                    any = true;
                } else if (proto.equals(port) || proto.equals(port + "/tcp")) {
                    System.out.println(host);
                    any = true;
                }
            }
            if (port != null && !any) {
                throw new ContainerException("no public port '" + port + "' published for " + container);
            }
        }
        return 0;
    }
}
