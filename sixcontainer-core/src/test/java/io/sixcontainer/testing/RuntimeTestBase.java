package io.sixcontainer.testing;

import io.sixcontainer.ContainerResult;
import io.sixcontainer.ContainerSpec;
import io.sixcontainer.ContainerRuntime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A runtime on a fresh root for one test class, with the busybox rootfs; removed afterwards. */
public abstract class RuntimeTestBase {

    protected static Path root;
    protected static ContainerRuntime runtime;
    protected static Path busybox;

    @BeforeAll
    static void openRuntime() {
        RootRequired.assumeRoot();
        root = TestRoots.create();
        runtime = ContainerRuntime.open(root);
        busybox = runtime.busyboxRootfs();
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            try {
                runtime.close();
            } finally {
                // Bridges and nft tables are the host's: a test root's networks go with it.
                for (io.sixcontainer.NetworkInfo n : runtime.networks()) {
                    runtime.removeNetwork(n.name());
                }
                runtime = null;
            }
        }
        TestRoots.delete(root);
        root = null;
    }

    /** A spec on the busybox rootfs running {@code argv}. */
    protected static ContainerSpec.Builder spec(String... argv) {
        return ContainerSpec.builder().rootfs(busybox).command(argv);
    }

    /** Runs {@code sh -c script} in a new container, collecting its output. */
    protected static ContainerResult sh(String script) {
        return runtime.run(spec("sh", "-c", script).build(), Duration.ofSeconds(30));
    }
}
