package io.sixcontainer.testing.registry;

import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.ImageInfo;
import io.sixcontainer.PullOptions;
import io.sixcontainer.PullProgress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child JVM that pulls {@code REF} into the runtime root {@code ROOT}: prints
 * "downloading" once a layer's bytes flow, then "pulled ID" (or "error MESSAGE").
 */
public final class PullChild {

    private PullChild() {
    }

    /** {@code ROOT REF}. */
    public static void main(String[] args) {
        AtomicBoolean told = new AtomicBoolean();
        try (ContainerRuntime runtime = ContainerRuntime.open(Path.of(args[0]))) {
            ImageInfo image = runtime.pull(args[1], PullOptions.defaults().withProgress(p -> {
                if (p.state() == PullProgress.State.DOWNLOADING && p.done() > 0 && told.compareAndSet(false, true)) {
                    System.out.println("downloading");
                    System.out.flush();
                }
            }));
            System.out.println("pulled " + image.id());
        } catch (RuntimeException e) {
            System.out.println("error " + e.getMessage());
        }
    }
}
