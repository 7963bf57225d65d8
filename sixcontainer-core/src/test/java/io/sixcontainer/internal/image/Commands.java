package io.sixcontainer.internal.image;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the independent tools the image tests compare against (umoci, unshare + mount). */
final class Commands {

    private Commands() {
    }

    /** Skips unless {@code tool} is installed; with CI=true a missing tool fails instead. */
    static void assumeInstalled(String tool) {
        boolean found = Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/sbin", tool));
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is not installed (.ci/run installs it)");
        }
        assumeTrue(found, tool + " is not installed (apt-get install " + tool + ")");
    }

    /** Runs {@code argv}, fails the test unless it exits 0, returns its stdout. */
    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            fail(String.join(" ", argv) + " exited " + rc + ":\n" + out);
        }
        return out;
    }

    /**
     * The names in the overlayfs merge of {@code lowersBottomToTop}, as the kernel shows it: mounted
     * in a private mount namespace that dies with the command, so no mount outlives it.
     */
    static String overlayListing(java.util.List<Path> lowersBottomToTop, Path mountPoint)
            throws IOException, InterruptedException {
        StringBuilder lower = new StringBuilder();
        for (Path p : lowersBottomToTop.reversed()) {
            lower.append(lower.isEmpty() ? "" : ":").append(p);
        }
        return run("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t overlay overlay -o ro,lowerdir=" + lower + " " + mountPoint
                        + " && cd " + mountPoint + " && find . -mindepth 1 -printf '%P %y\\n' | LC_ALL=C sort");
    }

    /** The same listing for a plain directory. */
    static String listing(Path dir) throws IOException, InterruptedException {
        return run("sh", "-c", "cd " + dir + " && find . -mindepth 1 -printf '%P %y\\n' | LC_ALL=C sort");
    }
}
