package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc rm}: remove containers. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove containers (running ones only with -f).",
        footer = {"", "Examples:", "  sixc rm web", "  sixc rm -f web", "  sixc rm $(sixc ps -aq)"})
final class RmCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-f", "--force"}, description = "Kill a running container first.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            for (String key : containers) {
                ContainerRef.require(runtime, key).remove(force);
                System.out.println(key);
            }
        }
        return 0;
    }
}
