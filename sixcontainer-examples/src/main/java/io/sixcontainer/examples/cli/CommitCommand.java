package io.sixcontainer.examples.cli;

import io.sixcontainer.Container;
import io.sixcontainer.ContainerException;
import io.sixcontainer.ContainerStatus;
import io.sixcontainer.ImageInfo;
import io.sixcontainer.ContainerRuntime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc commit}: a container's changes as a new image. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = {"Make an image of a container: its image plus one layer of its changes",
                "(never its volumes, /proc, /dev or /sys). The container may be running."},
        footer = {"", "Examples:", "  sixc commit web myweb:1", "  sixc commit --change 'CMD httpd -f' web myweb:2",
                "  sixc commit -n web -t myweb:1            # the seed's spelling",
                "  sixc commit -imageName mybox              # the seed's: the only running container"})
final class CommitCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Option(names = {"-n", "--container"}, paramLabel = "CONTAINER", description = "The container (the seed's -n).")
    String containerOption;

    @Option(names = {"-t", "-imageName", "--image"}, paramLabel = "NAME[:TAG]", description = "The new image's name.")
    String imageOption;

    @Option(names = {"-c", "--change"}, paramLabel = "CMD ...", description = "Set the default command: 'CMD prog arg...'.")
    String change;

    @Parameters(arity = "0..2", paramLabel = "CONTAINER [NAME[:TAG]]")
    List<String> words = List.of();

    @Override
    public Integer call() {
        String container = containerOption != null ? containerOption : words.isEmpty() ? null : words.get(0);
        String image = imageOption != null ? imageOption : words.size() > 1 ? words.get(1) : null;
        if (image != null && !image.equals(image.toLowerCase(Locale.ROOT))) {
            // The seed named images like "testbusyBox"; image names are lower-case.
            image = image.toLowerCase(Locale.ROOT);
            System.err.println("note: image names are lower-case: committing as " + image);
        }
        List<String> cmd = null;
        if (change != null) {
            if (!change.startsWith("CMD ")) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "unsupported --change '" + change + "': only 'CMD prog arg...'");
            }
            cmd = List.of(change.substring(4).trim().split("\\s+"));
        }
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            Container c = container != null ? ContainerRef.require(runtime, container) : onlyRunning(runtime);
            try (Progress ignored = Progress.start("committing " + c.name())) {
                ImageInfo info = c.commit(image, cmd);
                ignored.close();
                System.out.println(info.id());
            }
        }
        return 0;
    }

    private static Container onlyRunning(ContainerRuntime runtime) {
        List<String> running = runtime.list().stream().filter(i -> i.status() == ContainerStatus.RUNNING)
                .map(i -> i.id()).toList();
        if (running.size() != 1) {
            throw new ContainerException("name the container to commit: " + running.size() + " are running");
        }
        return ContainerRef.require(runtime, running.getFirst());
    }
}
