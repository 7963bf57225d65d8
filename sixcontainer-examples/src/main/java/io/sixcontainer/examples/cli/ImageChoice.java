package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.ImageException;
import io.sixcontainer.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How {@code sixc run} tells an image from a command in its first word, and pulls a missing
 * image. The rule: a word that names a stored image is that image; a word that is an image
 * reference and not a command of the default image (busybox's {@code sh}, {@code echo}, ...)
 * is an image to pull ({@code alpine}, {@code postgres:16}, {@code myorg/app}); anything else
 * (a path such as {@code /bin/sh}, an applet name) is a command for the default image.
 */
final class ImageChoice {

    private static final List<String> COMMAND_DIRS = List.of("bin", "sbin", "usr/bin", "usr/sbin");

    @Option(names = "--pull", paramLabel = "missing|always|never",
            description = "Pull the image before running: when it is missing (default), always, or never.")
    String pull = "missing";

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The platform to pull the image for (default: this machine's).")
    String platform;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over plain HTTP (repeatable).")
    List<String> insecure = new java.util.ArrayList<>();

    /** Whether {@code word} (the first word after the options) names an image rather than a command. */
    boolean isImage(ContainerRuntime runtime, String word) {
        if (word.startsWith("/") || word.startsWith(".") || !ImageReference.isValid(word)) {
            return false;
        }
        if (runtime.image(word).isPresent()) {
            return true;
        }
        Path busybox = runtime.busyboxRootfs();
        return COMMAND_DIRS.stream().noneMatch(d -> Files.exists(busybox.resolve(d).resolve(word)));
    }

    /** Pulls {@code image} as {@code --pull} says, showing progress on stderr as docker does. */
    void pullIfWanted(ContainerRuntime runtime, String image) {
        switch (pull) {
            case "never" -> {
                if (runtime.image(image).isEmpty()) {
                    throw new ImageException("no such image '" + image + "' (and --pull never)");
                }
            }
            case "always" -> Registries.pull(runtime, image, platform, false);
            case "missing" -> {
                if (runtime.image(image).isEmpty()) {
                    System.err.println("Unable to find image '" + image + "' locally");
                    Registries.pull(runtime, image, platform, false);
                }
            }
            default -> throw new ImageException("invalid --pull '" + pull + "': missing, always or never");
        }
    }
}
