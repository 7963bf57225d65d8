package io.sixcontainer;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link ContainerRuntime#pull(String, PullOptions)} pulls: for which platform, and whom it
 * tells about each layer's progress. Immutable.
 *
 * @param platform {@code os/architecture[/variant]} (e.g. {@code linux/arm64}), or null for this machine's
 * @param progress called from download threads as layers advance; never null
 */
public record PullOptions(String platform, Consumer<PullProgress> progress) {

    /** Checks the values. */
    public PullOptions {
        Objects.requireNonNull(progress, "progress");
    }

    /** This machine's platform, no progress reports. */
    public static PullOptions defaults() {
        return new PullOptions(null, p -> { });
    }

    /** These options for another platform, e.g. {@code linux/arm64}. */
    public PullOptions withPlatform(String newPlatform) {
        return new PullOptions(newPlatform, progress);
    }

    /** These options reporting to {@code listener}. */
    public PullOptions withProgress(Consumer<PullProgress> listener) {
        return new PullOptions(platform, listener);
    }
}
