package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerInfo;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ContainerRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sixc ps}: list containers. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List containers (running ones unless -a).",
        footer = {"", "Examples:", "  sixc ps", "  sixc ps -a", "  sixc ps -aq", "  sixc ps --format json"})
final class PsCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-a", "--all"}, description = "Show all containers, not only running ones.")
    boolean all;

    @picocli.CommandLine.Mixin
    ListingOptions output = new ListingOptions();

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            List<ContainerInfo> shown = runtime.list().stream()
                    .filter(i -> all || i.status() == ContainerStatus.RUNNING).toList();
            if (output.quiet) {
                shown.forEach(i -> System.out.println(i.shortId()));
            } else if (json) {
                System.out.println(JsonOutput.write(shown));
            } else {
                Table t = new Table("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
                for (ContainerInfo i : shown) {
                    t.row(i.shortId(), i.image(), quoteCommand(i.command()), Durations.ago(i.created()), status(i),
                            ports(i), i.name());
                }
                t.print(System.out);
            }
        }
        return 0;
    }

    static String status(ContainerInfo i) {
        return switch (i.status()) {
            case CREATED -> "Created";
            case REMOVING -> "Removal In Progress";
            case RUNNING -> "Up " + Durations.human(java.time.Duration.between(i.started(), java.time.Instant.now()));
            case EXITED -> "Exited (" + i.exit().map(e -> Integer.toString(e.shellCode())).orElse("unknown") + ") "
                    + (i.finished() != null ? Durations.ago(i.finished()) : "");
        };
    }

    // docker's spelling: 0.0.0.0:32768->80/tcp
    private static String ports(ContainerInfo i) {
        return String.join(", ", i.ports().stream().map(p -> (p.hostIp() == null ? "0.0.0.0" : p.hostIp()
                .getHostAddress()) + ":" + p.hostPort() + "->" + p.containerPort() + "/"
                + p.transport().name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private static String quoteCommand(List<String> command) {
        String s = String.join(" ", command);
        return "\"" + (s.length() > 20 ? s.substring(0, 19) + "…" : s) + "\"";
    }
}
