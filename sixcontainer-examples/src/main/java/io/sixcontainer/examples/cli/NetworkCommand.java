package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.NetworkInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc network create|ls|rm|inspect}: the bridge networks. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Manage bridge networks.",
        subcommands = {NetworkCommand.Create.class, NetworkCommand.Ls.class, NetworkCommand.Rm.class,
                NetworkCommand.Inspect.class},
        footer = {"", "Examples:", "  sixc network create app", "  sixc network create --subnet 10.90.0.0/24 app2",
                "  sixc network ls", "  sixc network inspect app", "  sixc network rm app"})
final class NetworkCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(command.commandLine(), "name a subcommand: create, ls, rm or inspect");
    }

    /** {@code sixc network create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a bridge network; print its name.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        NetworkCommand network;

        @Option(names = "--subnet", paramLabel = "CIDR", description = "Its IPv4 subnet (default: a free /24 from 10.89.0.0).")
        String subnet;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (ContainerRuntime runtime = ContainerRuntime.open(network.top.root())) {
                System.out.println(runtime.createNetwork(name, subnet).name());
            }
            return 0;
        }
    }

    /** {@code sixc network ls}. */
    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List the bridge networks.")
    static final class Ls implements Callable<Integer> {
        @ParentCommand
        NetworkCommand network;

        @CommandLine.Mixin
        ListingOptions output = new ListingOptions();

        @Override
        public Integer call() throws Exception {
            boolean json = output.json();
            try (ContainerRuntime runtime = ContainerRuntime.open(network.top.root())) {
                List<NetworkInfo> all = runtime.networks();
                if (output.quiet) {
                    all.forEach(n -> System.out.println(n.name()));
                } else if (json) {
                    System.out.println(JsonOutput.write(all));
                } else {
                    Table t = new Table("NAME", "SUBNET", "GATEWAY", "BRIDGE", "CONTAINERS");
                    all.forEach(n -> t.row(n.name(), n.subnet(), n.gateway(), n.bridge(),
                            Integer.toString(n.containers().size())));
                    t.print(System.out);
                }
            }
            return 0;
        }
    }

    /** {@code sixc network rm}. */
    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Remove networks that no running container is on.")
    static final class Rm implements Callable<Integer> {
        @ParentCommand
        NetworkCommand network;

        @Parameters(arity = "1..*", paramLabel = "NAME")
        List<String> names;

        @Override
        public Integer call() {
            try (ContainerRuntime runtime = ContainerRuntime.open(network.top.root())) {
                for (String n : names) {
                    runtime.removeNetwork(n);
                    System.out.println(n);
                }
            }
            return 0;
        }
    }

    /** {@code sixc network inspect}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show networks as a JSON array.")
    static final class Inspect implements Callable<Integer> {
        @ParentCommand
        NetworkCommand network;

        @Parameters(arity = "1..*", paramLabel = "NAME")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            List<NetworkInfo> out = new ArrayList<>();
            try (ContainerRuntime runtime = ContainerRuntime.open(network.top.root())) {
                List<NetworkInfo> all = runtime.networks();
                for (String n : names) {
                    out.add(all.stream().filter(i -> i.name().equals(n)).findFirst()
                            .orElseThrow(() -> new ContainerException("no such network: " + n)));
                }
            }
            System.out.println(JsonOutput.write(out));
            return 0;
        }
    }
}
