package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.ImageInfo;
import io.sixcontainer.PullOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sixc pull}: fetch an image from its registry. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Pull an image from a registry: busybox is docker.io/library/busybox:latest;",
                "localhost and 127.0.0.1 registries are reached over HTTP, others over HTTPS.",
                "Credentials: ~/.docker/config.json, $REGISTRY_AUTH_FILE, podman's auth.json,",
                "credential helpers."},
        footer = {"", "Examples:", "  sixc pull busybox", "  sixc pull --platform linux/arm64 postgres:16",
                "  sixc pull localhost:5000/team/app@sha256:<digest>"})
final class PullCommand implements Callable<Integer> {

    @ParentCommand
    Sixc top;

    @Parameters(index = "0", paramLabel = "REF")
    String ref;

    @Option(names = {"-q", "--quiet"}, description = "Print only the pulled reference.")
    boolean quiet;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "Pull the image for this platform (default: this machine's).")
    String platform;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over plain HTTP (repeatable).")
    List<String> insecure = new ArrayList<>();

    @Override
    public Integer call() {
        try (ContainerRuntime runtime = ContainerRuntime.open(top.root(), Registries.options(insecure))) {
            if (!quiet) {
                System.err.println("Pulling " + ref + (platform != null ? " for " + platform : ""));
            }
            ImageInfo image = Registries.pull(runtime, ref, platform, quiet);
            System.out.println(Registries.pulledName(ref, image));
        }
        return 0;
    }
}
