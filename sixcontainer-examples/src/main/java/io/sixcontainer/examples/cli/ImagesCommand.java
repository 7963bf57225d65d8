package io.sixcontainer.examples.cli;

import io.sixcontainer.ImageInfo;
import io.sixcontainer.ContainerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sixc images}: list images. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "List images (the built-ins busybox and host are always there).",
        footer = {"", "Examples:", "  sixc images", "  sixc images -q", "  sixc images --format json"})
final class ImagesCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @picocli.CommandLine.Mixin
    ListingOptions output = new ListingOptions();

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root())) {
            List<ImageInfo> images = runtime.images();
            if (output.quiet) {
                images.forEach(i -> System.out.println(i.shortId()));
            } else if (json) {
                System.out.println(JsonOutput.write(images));
            } else {
                Table t = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "LAYERS");
                for (ImageInfo i : images) {
                    List<String> tags = i.tags().isEmpty() ? List.of("<none>:<none>") : i.tags();
                    for (String tag : tags) {
                        int colon = tag.lastIndexOf(':');
                        t.row(tag.substring(0, colon), tag.substring(colon + 1), i.shortId(), Durations.ago(i.created()),
                                Integer.toString(i.layers().size()));
                    }
                }
                for (String builtin : new ArrayList<>(List.of("busybox", "host"))) {
                    if (images.stream().noneMatch(i -> i.tags().contains(builtin + ":latest"))) {
                        t.row(builtin, "latest", "built-in", "-", "-");
                    }
                }
                t.print(System.out);
            }
        }
        return 0;
    }
}
