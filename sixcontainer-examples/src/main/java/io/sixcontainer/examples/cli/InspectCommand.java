package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerInfo;
import io.sixcontainer.Runtime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc inspect}: a container's record as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show containers' records as a JSON array.",
        footer = {"", "Examples:", "  sixc inspect web"})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        List<ContainerInfo> infos = new ArrayList<>();
        try (Runtime runtime = Runtime.open(top.root())) {
            for (String key : containers) {
                infos.add(ContainerRef.require(runtime, key).info());
            }
        }
        System.out.println(PsCommand.JSON.writeValueAsString(infos));
        return 0;
    }
}
