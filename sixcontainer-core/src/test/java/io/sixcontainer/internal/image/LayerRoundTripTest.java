package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.ffi.Libc;
import io.sixcontainer.testing.RootRequired;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction keeps what a rootfs needs (owners, modes, devices, times), and archiving gives back the same layer. */
class LayerRoundTripTest {

    @TempDir
    Path tmp;
    Path layer;

    static final byte[] LAYER = new TarBuilder()
            .dir("bin")
            .file("bin/su", "su", 04755, 0, 0)
            .file("bin/wall", "wall", 02755, 0, 5)
            .hardlink("bin/su-again", "bin/su")
            .dir("home")
            .dir("home/u")
            .file("home/u/notes", "mine", 0600, 1000, 1001)
            .dir("dev")
            .charDevice("dev/tty0", 4, 0)
            .dir("run")
            .fifo("run/fifo")
            .symlink("lib", "usr/lib")
            .dir("etc")
            .file("etc/.wh.shadow", "")
            .dir("var")
            .file("var/.wh..wh..opq", "")
            .file("var/new", "new")
            .file(".wh..wh.plnk", "")
            .bytes();

    @BeforeEach
    void dirs() throws IOException {
        RootRequired.assumeRoot();
        layer = Files.createDirectory(tmp.resolve("layer"));
    }

    @Test
    void extractionKeepsOwnersModesDevicesAndTimes() throws IOException {
        LayerExtractor.extract(new ByteArrayInputStream(LAYER), layer, "layer.tar");

        assertThat(Lstat.of(layer.resolve("bin/su")).permissions()).isEqualTo(04755);
        assertThat(Lstat.of(layer.resolve("bin/wall")).permissions()).isEqualTo(02755);
        assertThat(Lstat.of(layer.resolve("bin/wall")).gid()).isEqualTo(5);
        Lstat notes = Lstat.of(layer.resolve("home/u/notes"));
        assertThat(notes.uid()).isEqualTo(1000);
        assertThat(notes.gid()).isEqualTo(1001);
        assertThat(notes.permissions()).isEqualTo(0600);
        Lstat tty = Lstat.of(layer.resolve("dev/tty0"));
        assertThat(tty.type()).isEqualTo(Lstat.S_IFCHR);
        assertThat(tty.rdev()).isEqualTo(Libc.makedev(4, 0));
        assertThat(Lstat.of(layer.resolve("run/fifo")).type()).isEqualTo(Lstat.S_IFIFO);
        assertThat(Files.readSymbolicLink(layer.resolve("lib"))).isEqualTo(Path.of("usr/lib"));
        for (String p : new String[] {"bin", "bin/su", "home/u/notes", "var", "lib", "dev/tty0"}) {
            assertThat(Lstat.of(layer.resolve(p)).mtime()).as(p).isEqualTo(TarBuilder.MTIME);
        }
    }

    @Test
    void ociWhiteoutsBecomeOverlayWhiteouts() throws IOException {
        LayerExtractor.extract(new ByteArrayInputStream(LAYER), layer, "layer.tar");

        Lstat shadow = Lstat.of(layer.resolve("etc/shadow"));
        assertThat(shadow.type()).isEqualTo(Lstat.S_IFCHR);
        assertThat(shadow.rdev()).isZero();
        assertThat(Libc.lgetxattr(layer.resolve("var").toString(), "trusted.overlay.opaque")).containsExactly('y');
        assertThat(Libc.lgetxattr(layer.resolve("bin").toString(), "trusted.overlay.opaque")).isNull();
        assertThat(TreeSnapshot.of(layer).keySet()).noneMatch(name -> name.contains(".wh."));
    }

    @Test
    void archivingGivesBackOciWhiteoutsAndTheSameTree() throws IOException {
        LayerExtractor.extract(new ByteArrayInputStream(LAYER), layer, "layer.tar");

        byte[] archived = archive(layer);
        Map<String, TarArchiveEntry> entries = entries(archived);

        assertThat(entries).containsKeys("etc/.wh.shadow", "var/.wh..wh..opq", "var/new", "bin/su");
        assertThat(entries.get("etc/.wh.shadow").isFile()).isTrue();
        assertThat(entries.values()).noneMatch(e -> e.isCharacterDevice() && e.getDevMajor() == 0 && e.getDevMinor() == 0);
        assertThat(entries.get("bin/su").getMode() & 07777).isEqualTo(04755);
        assertThat(entries.get("dev/tty0").getDevMajor()).isEqualTo(4);
        TarArchiveEntry second = entries.get("bin/su-again").isLink() ? entries.get("bin/su-again") : entries.get("bin/su");
        assertThat(second.isLink()).as("one of the two names is written as a hardlink").isTrue();

        Path again = Files.createDirectory(tmp.resolve("again"));
        LayerExtractor.extract(new ByteArrayInputStream(archived), again, "archived.tar");
        assertThat(TreeSnapshot.of(again)).isEqualTo(TreeSnapshot.of(layer));
        assertThat(archive(again)).as("archiving is deterministic").isEqualTo(archived);
    }

    @Test
    void diffIdIsTheDigestOfTheUncompressedTarWhateverTheCompression() throws Exception {
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(LAYER));

        String plain = LayerExtractor.extract(new ByteArrayInputStream(LAYER), layer, "layer.tar");
        Path gzLayer = Files.createDirectory(tmp.resolve("gz"));
        String gzipped = LayerExtractor.extract(new ByteArrayInputStream(TarBuilder.gzip(LAYER)), gzLayer, "layer.tar.gz");

        assertThat(plain).isEqualTo(expected);
        assertThat(gzipped).isEqualTo(expected);
        assertThat(TreeSnapshot.of(gzLayer)).isEqualTo(TreeSnapshot.of(layer));
    }

    static byte[] archive(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerArchiver.write(dir, out);
        return out.toByteArray();
    }

    static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
        Map<String, TarArchiveEntry> out = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName().replaceAll("/$", ""), e);
            }
        }
        return out;
    }
}
