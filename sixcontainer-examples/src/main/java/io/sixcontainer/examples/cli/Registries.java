package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.ImageInfo;
import io.sixcontainer.ImageReference;
import io.sixcontainer.PullOptions;
import io.sixcontainer.RuntimeOptions;
import java.util.List;

/** What {@code pull} and {@code run} share about registries. */
final class Registries {

    private Registries() {
    }

    static RuntimeOptions options(List<String> insecureRegistries) {
        RuntimeOptions o = RuntimeOptions.defaults();
        for (String r : insecureRegistries) {
            o = o.withInsecureRegistry(r);
        }
        return o;
    }

    /** Pulls with a per-layer display on stderr, then docker's summary lines. */
    static ImageInfo pull(ContainerRuntime runtime, String ref, String platform, boolean quiet) {
        ImageInfo image = runtime.pull(ref, PullOptions.defaults().withPlatform(platform)
                .withProgress(PullDisplay.forStderr(quiet)));
        if (!quiet) {
            String name = ImageReference.parse(ref).canonicalName();
            image.repoDigests().stream().filter(d -> d.startsWith(name + "@")).findFirst()
                    .ifPresent(d -> System.err.println("Digest: " + d.substring(d.indexOf('@') + 1)));
            System.err.println("Status: pulled " + ref + " as " + image.shortId());
        }
        return image;
    }

    /** The full reference docker prints after a pull ({@code docker.io/library/busybox:latest}). */
    static String pulledName(String ref, ImageInfo image) {
        ImageReference r = ImageReference.parse(ref);
        return r.canonicalName() + (r.tag() != null ? ":" + r.tag() : "") + (r.digest() != null ? "@" + r.digest() : "");
    }
}
