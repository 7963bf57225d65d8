package io.sixcontainer.examples.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that run {@code sixc} as a subprocess on a runtime root of the class's own. */
abstract class SixcProcessTest {

    @TempDir
    static Path root;

    @BeforeAll
    static void needsRoot() {
        CliProcess.assumeRoot();
    }

    @org.junit.jupiter.api.AfterAll
    static void removeNetworks() {
        CliNetworks.removeAll(root);
    }

    /** Runs {@code sixc ARGS} on the class's root and waits for it. */
    static CliProcess.Result sixc(String... args) {
        return CliProcess.run(root, args);
    }
}
