package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc rmi}: remove images. */
@Command(name = "rmi", mixinStandardHelpOptions = true,
        description = "Remove images: a name of an image with other names is only untagged.",
        footer = {"", "Examples:", "  sixc rmi myapp:1", "  sixc rmi -f 3f2a9c1b7d10"})
final class RmiCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-f", "--force"}, description = "Remove an image containers were made from.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            for (String ref : images) {
                System.out.println(runtime.removeImage(ref, force));
            }
        }
        return 0;
    }
}
