package io.sixcontainer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh runtime roots for tests, and their removal. */
public final class TestRoots {

    private TestRoots() {
    }

    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Roots this JVM created: other test runs on the machine have their own. */
    public static java.util.Set<String> created() {
        return java.util.Collections.unmodifiableSet(CREATED);
    }

    /** A new empty directory to use as a runtime root. */
    public static Path create() {
        try {
            Path root = Files.createTempDirectory("sixc-test-");
            CREATED.add(root.toString());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory tree without following symlinks. */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
