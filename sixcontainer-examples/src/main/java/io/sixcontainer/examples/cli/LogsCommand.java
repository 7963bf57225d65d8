package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.LogEntry;
import io.sixcontainer.LogQuery;
import io.sixcontainer.ContainerRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc logs}: print a detached container's output. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the stdout and stderr of a detached container.",
        footer = {"", "Examples:", "  sixc logs web", "  sixc logs -f --tail 10 web", "  sixc logs --since 5m -t web",
                "  sixc logs -containerId 4267836795"})
final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new output until the container ends.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines.")
    Integer tail;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only output since TIME: an RFC 3339 timestamp or a duration like 30s, 5m, 2h.")
    String since;

    @Option(names = {"-t", "--timestamps"}, description = "Prefix each line with its time.")
    boolean timestamps;

    @Option(names = "-containerId", paramLabel = "CONTAINER", hidden = true, description = "The seed's spelling.")
    String seedContainerId;

    @Parameters(arity = "0..1", paramLabel = "CONTAINER", description = "Name, id or id prefix.")
    String container;

    @Override
    public Integer call() {
        String key = container != null ? container : seedContainerId;
        if (key == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name a container");
        }
        LogQuery q = LogQuery.all();
        if (tail != null) {
            q = q.tail(tail);
        }
        if (since != null) {
            q = q.since(parseSince(since));
        }
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            Container c = ContainerRef.require(runtime, key);
            if (follow) {
                c.followLogs(q, this::print);
            } else {
                c.logs(q).forEach(this::print);
            }
        }
        System.out.flush();
        System.err.flush();
        return 0;
    }

    private void print(LogEntry e) {
        PrintStream out = e.stderr() ? System.err : System.out;
        try {
            if (timestamps) {
                out.write((e.time() + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            out.write(e.rawBytes());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Instant parseSince(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notATimestamp) {
            try {
                return Instant.now().minus(Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid --since '" + value
                        + "': use an RFC 3339 time (2026-01-02T15:04:05Z) or a duration (30s, 5m, 2h)");
            }
        }
    }
}
