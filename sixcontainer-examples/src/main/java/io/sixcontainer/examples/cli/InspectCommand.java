package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc inspect}: containers' or images' records as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show containers' records with their launch plans (or, for names no container has, images'"
                + " records) as a JSON array.",
        footer = {"", "Examples:", "  sixc inspect web", "  sixc inspect busybox myapp:1"})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER|IMAGE")
    List<String> containers;

    @Override
    public Integer call() throws Exception {
        List<Object> infos = new ArrayList<>();
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            for (String key : containers) {
                Optional<Container> c = runtime.get(key);
                infos.add(c.isPresent() ? JsonOutput.withPlan(c.get().info(), c.get().launchPlan()) : runtime.image(key)
                        .orElseThrow(() -> new ContainerException("no such container or image: " + key)));
            }
        }
        System.out.println(JsonOutput.write(infos));
        return 0;
    }
}
