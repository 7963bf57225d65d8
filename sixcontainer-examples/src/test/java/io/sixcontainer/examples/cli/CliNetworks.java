package io.sixcontainer.examples.cli;

import io.sixcontainer.ContainerRuntime;
import io.sixcontainer.NetworkInfo;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sixc run} puts containers on the default bridge network: its bridge device and nft
 * table are the host's, not the root's, so a test root's networks are removed before the root.
 */
final class CliNetworks {

    private CliNetworks() {
    }

    /** Removes every network of runtime root {@code root} (its containers must be gone). */
    static void removeAll(Path root) {
        if (root == null || !Files.isDirectory(root.resolve("networks"))) {
            return;
        }
        try (ContainerRuntime runtime = ContainerRuntime.open(root)) {
            for (NetworkInfo n : runtime.networks()) {
                runtime.removeNetwork(n.name());
            }
        }
    }
}
