package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ImageException;
import io.sixcontainer.testing.RootRequired;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted tars that try to write outside the layer directory: each one is refused, and nothing escapes. */
class LayerExtractorSafetyTest {

    @TempDir
    Path tmp;
    Path layer;
    Path outside;

    @BeforeEach
    void dirs() throws IOException {
        RootRequired.assumeRoot();
        layer = Files.createDirectory(tmp.resolve("layer"));
        outside = Files.createDirectory(tmp.resolve("outside"));
    }

    @Test
    void dotDotComponentIsRefused() {
        byte[] tar = new TarBuilder().file("a/../../outside/escaped", "x").bytes();

        assertRefused(tar, "a/../../outside/escaped", "'..'");
        assertThat(outside.resolve("escaped")).doesNotExist();
    }

    @Test
    void absoluteNameIsRefused() {
        String target = outside.resolve("escaped").toString();
        byte[] tar = new TarBuilder().file(target, "x").bytes();

        assertRefused(tar, target, "absolute");
        assertThat(outside.resolve("escaped")).doesNotExist();
    }

    @Test
    void entryBelowASymlinkPlantedByAnEarlierEntryIsRefused() {
        byte[] tar = new TarBuilder()
                .symlink("evil", outside.toString())
                .file("evil/file", "through the link")
                .bytes();

        assertRefused(tar, "evil/file", "evil is a symlink");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void entryBelowARelativeSymlinkDeeperDownIsRefused() {
        byte[] tar = new TarBuilder()
                .dir("a/b")
                .symlink("a/b/up", "../../../outside")
                .file("a/b/up/file", "through the link")
                .bytes();

        assertRefused(tar, "a/b/up/file", "a/b/up is a symlink");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void hardlinkOutOfTheLayerIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret"), "host data");

        assertRefused(new TarBuilder().hardlink("h", "../outside/secret").bytes(), "'h'", "'..'");
        assertRefused(new TarBuilder().hardlink("h", outside.resolve("secret").toString()).bytes(), "'h'", "absolute");
        assertRefused(new TarBuilder().symlink("evil", outside.toString()).hardlink("h", "evil/secret").bytes(),
                "'h'", "evil is a symlink");
        // A hardlink to a symlink that points out would share the host file's inode if link() followed it.
        assertRefused(new TarBuilder().symlink("ln", outside.resolve("secret").toString()).hardlink("h", "ln").bytes(),
                "'h'", "not a regular file");
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("host data");
        assertThat(Files.getAttribute(outside.resolve("secret"), "unix:nlink")).isEqualTo(1);
    }

    @Test
    void hardlinkToAFileInTheLayerSharesItsInode() throws IOException {
        byte[] tar = new TarBuilder().file("bin/busybox", "elf").hardlink("bin/sh", "bin/busybox").bytes();

        LayerExtractor.extract(new ByteArrayInputStream(tar), layer, "links.tar");

        assertThat(Files.isSameFile(layer.resolve("bin/sh"), layer.resolve("bin/busybox"))).isTrue();
        assertThat(Files.getAttribute(layer.resolve("bin/sh"), "unix:nlink")).isEqualTo(2);
    }

    @Test
    void symlinksAreCreatedVerbatimAndNeverFollowed() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim"), "host data");
        byte[] tar = new TarBuilder()
                .symlink("etc", "/etc")
                .symlink("file", victim.toString())
                .file("file", "image data")     // replaces the link; must not write through it
                .symlink("dir", outside.toString())
                .dir("dir")                      // a real directory takes the link's place
                .file("dir/inside", "image data")
                .bytes();

        LayerExtractor.extract(new ByteArrayInputStream(tar), layer, "links.tar");

        assertThat(Files.readSymbolicLink(layer.resolve("etc"))).isEqualTo(Path.of("/etc"));
        assertThat(layer.resolve("file")).isRegularFile().hasContent("image data");
        assertThat(victim).hasContent("host data");
        assertThat(Files.isSymbolicLink(layer.resolve("dir"))).isFalse();
        assertThat(layer.resolve("dir/inside")).hasContent("image data");
        assertThat(outside).isDirectoryContaining(p -> p.getFileName().toString().equals("victim"));
        try (var listing = Files.list(outside)) {
            assertThat(listing).hasSize(1);
        }
        Files.delete(layer.resolve("etc")); // spares JUnit's warning about a link out of its temp dir
    }

    @Test
    void archiveCutBetweenEntriesIsRefused() {
        byte[] whole = new TarBuilder().file("a", "x".repeat(100)).file("b", "y").bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, 1024); // header + data of "a"; no end-of-archive blocks

        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(cut), layer, "cut.tar"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("cut.tar");
        assertThat(layer).isEmptyDirectory();
    }

    @Test
    void whiteoutOfDotOrDotDotIsRefused() {
        assertRefused(new TarBuilder().file("a/.wh..", "").bytes(), "a/.wh..", "whiteout");
        assertRefused(new TarBuilder().file("a/.wh...", "").bytes(), "a/.wh...", "whiteout");
    }

    @Test
    void corruptArchiveIsRefusedNamingTheArchive() {
        byte[] garbage = "this is not a tar archive at all, not even close...".repeat(20).getBytes();

        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(garbage), layer, "garbage.tar"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("garbage.tar");
        assertThat(layer).isEmptyDirectory();
    }

    @Test
    void archiveTruncatedInsideAFileIsRefusedAndLeavesNothing() {
        byte[] whole = new TarBuilder().file("a", "x".repeat(5000)).file("b", "y".repeat(5000)).bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, 512 + 512 * 10 + 512 + 1000);

        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(cut), layer, "cut.tar"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("cut.tar")
                .hasMessageContaining("truncated");
        assertThat(layer).isEmptyDirectory();
    }

    @Test
    void truncatedGzipIsRefusedAndLeavesNothing() {
        byte[] gz = new TarBuilder().file("a", "some content ".repeat(1000)).file("b", "more").gzip();
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 10);

        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(cut), layer, "cut.tar.gz"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("cut.tar.gz");
        assertThat(layer).isEmptyDirectory();
    }

    @Test
    void zstdLayerIsExtractedAndACorruptOneIsRefused() throws IOException {
        byte[] tar = new TarBuilder().file("etc/zstd-ok", "via zstd").bytes();
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (var z = new org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream(compressed)) {
            z.write(tar);
        }

        String diffId = LayerExtractor.extract(new ByteArrayInputStream(compressed.toByteArray()), layer, "z.tar.zst");

        assertThat(layer.resolve("etc/zstd-ok")).hasContent("via zstd");
        assertThat(diffId).isEqualTo(Digests.format(sha256(tar)));
        Path other = Files.createDirectory(layer.resolveSibling("other"));
        byte[] bad = java.util.Arrays.copyOf(compressed.toByteArray(), compressed.size() / 2);
        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(bad), other, "cut.tar.zst"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("cut.tar.zst");
        assertThat(other).isEmptyDirectory();
    }

    private static java.security.MessageDigest sha256(byte[] data) {
        java.security.MessageDigest d = Digests.sha256();
        d.update(data);
        return d;
    }

    @Test
    void refusesADirectoryThatIsNotEmpty() throws IOException {
        Files.writeString(layer.resolve("left-over"), "x");

        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(new TarBuilder().bytes()), layer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
    }

    private void assertRefused(byte[] tar, String entry, String reason) {
        assertThatThrownBy(() -> LayerExtractor.extract(new ByteArrayInputStream(tar), layer, "crafted.tar"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("crafted.tar")
                .hasMessageContaining(entry)
                .hasMessageContaining(reason);
        assertThat(layer).isEmptyDirectory();
    }
}
