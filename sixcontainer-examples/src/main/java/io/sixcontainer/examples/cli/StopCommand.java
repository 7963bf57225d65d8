package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc stop}: SIGTERM, then SIGKILL after a grace period. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop containers: SIGTERM to PID 1, SIGKILL after the grace period.",
        footer = {"", "Examples:", "  sixc stop web", "  sixc stop -t 0 web worker"})
final class StopCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", description = "Grace period (default 10).")
    int seconds = 10;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        if (seconds < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "invalid --time " + seconds + ": must be >= 0");
        }
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            for (String key : containers) {
                var c = ContainerRef.require(runtime, key);
                if (c.isRunning()) {
                    c.stop(Duration.ofSeconds(seconds));
                }
                System.out.println(key);
            }
        }
        return 0;
    }
}
