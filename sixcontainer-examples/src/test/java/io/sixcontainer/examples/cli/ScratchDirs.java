package io.sixcontainer.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the scratch directories (runtime roots, work dirs) a CLI test class made. */
final class ScratchDirs {

    private ScratchDirs() {
    }

    static void delete(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            if (dir == null || !Files.exists(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
