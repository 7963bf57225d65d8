package io.sixcontainer.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Integration tests need root; on a laptop they skip, with CI=true a skip is a failure. */
public final class RootRequired {

    private RootRequired() {
    }

    /** Skips (or, on CI, fails) the calling test unless it runs as root. */
    public static void assumeRoot() {
        boolean root = isRoot();
        if (!root && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("integration tests must run as root when CI=true");
        }
        assumeTrue(root, "needs root");
    }

    /** Skips (or, on CI, fails) the calling test unless {@code tool} is on the PATH. */
    public static void assumeTool(String tool) {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is needed when CI=true (.ci/run installs it)");
        }
        assumeTrue(found, "needs " + tool);
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
