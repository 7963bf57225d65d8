package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc tag}: give an image another name. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Give an image another NAME[:TAG].",
        footer = {"", "Examples:", "  sixc tag myapp:1 myapp:latest"})
final class TagCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(index = "0", paramLabel = "IMAGE")
    String image;

    @Parameters(index = "1", paramLabel = "NAME[:TAG]")
    String newName;

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            runtime.tagImage(image, newName);
        }
        return 0;
    }
}
