package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc wait}: block until containers end, print their exit codes. */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait for containers to end and print their exit codes (128+N when killed by signal N).",
        footer = {"", "Examples:", "  sixc wait web"})
final class WaitCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            for (String key : containers) {
                System.out.println(ContainerRef.require(runtime, key).waitFor().shellCode());
            }
        }
        return 0;
    }
}
