package io.sixcontainer.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelperBinaryTest {

    private Path dir;

    @BeforeEach
    void createDir() throws IOException {
        dir = Files.createTempDirectory("sixc-helper-test-");
    }

    @AfterEach
    void removeDir() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Child JVM entry point: extracts into args[0] and prints the path. */
    public static void main(String[] args) {
        System.out.println(HelperBinary.locate(Path.of(args[0])));
    }

    @Test
    void concurrentJvmsExtractOneCompleteHelper() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jvms.add(new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), HelperBinaryTest.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<String> paths = new ArrayList<>();
        for (Process p : jvms) {
            paths.add(new String(p.getInputStream().readAllBytes()).strip());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        assertThat(paths).hasSize(4).allMatch(paths.getFirst()::equals);
        Path helper = Path.of(paths.getFirst());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary files left")
                    .containsExactlyInAnyOrder(helper, VerifiedStamp.stampOf(helper));
        }
        assertThat(helper.getFileName().toString()).matches("sixc-helper-.+-[0-9a-f]{16}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(helper))).isEqualTo("r-xr-xr-x");
        Process check = new ProcessBuilder(helper.toString(), "no-such-mode").redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        assertThat(check.waitFor()).as("the extracted helper runs and rejects a bad mode").isEqualTo(2);
    }

    @Test
    void aTamperedHelperIsReplaced() throws Exception {
        Path helper = HelperBinary.locate(dir.resolve("a"));
        byte[] good = Files.readAllBytes(helper);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rw-------"));
        Files.write(helper, new byte[] {1, 2, 3});
        // Another path to the same directory is another cache key: it forces a fresh verification.
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("a"));
        Path again = HelperBinary.locate(link);
        assertThat(again.getFileName()).isEqualTo(helper.getFileName());
        assertThat(Files.readAllBytes(again)).isEqualTo(good);
    }

    @Test
    void aHelperChangedAfterItsStampKeepsSizeAndMtimeButIsStillReplaced() throws Exception {
        Path helper = HelperBinary.locate(dir.resolve("b"));
        byte[] good = Files.readAllBytes(helper);
        assertThat(VerifiedStamp.stampOf(helper)).exists();
        FileTime mtime = Files.getLastModifiedTime(helper);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x5a;
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(helper, bad);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setLastModifiedTime(helper, mtime);
        assertThat(Files.size(helper)).isEqualTo(good.length);
        // A fresh cache key, as a new JVM would have: only the stamp stands between it and the bad bytes.
        Path again = HelperBinary.locate(Files.createSymbolicLink(dir.resolve("link-b"), dir.resolve("b")));
        assertThat(again.getFileName()).isEqualTo(helper.getFileName());
        assertThat(Files.readAllBytes(again)).isEqualTo(good);
    }

    @Test
    void systemPropertyPointsAtAnExistingHelper() throws Exception {
        Path fake = Files.createFile(dir.resolve("my-helper"));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("r-x------"));
        System.setProperty(HelperBinary.PATH_PROPERTY, fake.toString());
        try {
            assertThat(HelperBinary.locate(dir.resolve("unused"))).isEqualTo(fake);
        } finally {
            System.clearProperty(HelperBinary.PATH_PROPERTY);
        }
    }
}
