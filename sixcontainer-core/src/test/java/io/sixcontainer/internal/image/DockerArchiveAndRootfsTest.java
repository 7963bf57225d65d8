package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ImageException;
import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic {@code docker save} format built by hand, and plain rootfs tarballs ({@code docker export}). */
class DockerArchiveAndRootfsTest {

    static final byte[] BASE = new TarBuilder().dir("bin").file("bin/sh", "shell", 0755, 0, 0).dir("etc")
            .file("etc/motd", "old").bytes();
    static final byte[] TOP = new TarBuilder().dir("etc").file("etc/.wh.motd", "").file("etc/hostname", "box").bytes();

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        RootRequired.assumeRoot();
    }

    @Test
    void readsADockerSaveArchive() throws Exception {
        Path archive = dockerArchive("[{\"Config\":\"cfg.json\",\"RepoTags\":[\"alpine:3.20\"],"
                + "\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\"]}]", TOP);

        try (ImageSource src = ImageSources.open(archive)) {
            assertThat(src.repoTags()).containsExactly("alpine:3.20");
            assertThat(src.config().cmd()).containsExactly("/bin/sh");
            assertThat(src.config().env()).containsExactly("A=1");
            assertThat(src.layerCount()).isEqualTo(2);
            Path base = extract(src, 0);
            Path top = extract(src, 1);
            assertThat(base.resolve("etc/motd")).hasContent("old");
            assertThat(Lstat.of(top.resolve("etc/motd")).type()).isEqualTo(Lstat.S_IFCHR);
        }
    }

    @Test
    void aLayerThatDoesNotMatchItsDiffIdIsRefused() throws Exception {
        byte[] tampered = new TarBuilder().dir("etc").file("etc/hostname", "evil").bytes();
        Path archive = dockerArchive("[{\"Config\":\"cfg.json\",\"RepoTags\":[\"x:1\"],"
                + "\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\"]}]", tampered);

        try (ImageSource src = ImageSources.open(archive)) {
            Path dir = Files.createDirectory(tmp.resolve("top"));
            assertThatThrownBy(() -> {
                try (InputStream in = src.openLayer(1)) {
                    LayerExtractor.extract(in, dir, src.describeLayer(1));
                }
            }).isInstanceOf(ImageException.class)
                    .hasMessageContaining("bbb/layer.tar")
                    .hasMessageContaining("does not match its digest");
            assertThat(dir).isEmptyDirectory();
        }
    }

    @Test
    void aManifestPathOutOfTheArchiveIsRefused() throws Exception {
        Path archive = dockerArchive("[{\"Config\":\"cfg.json\",\"RepoTags\":[],"
                + "\"Layers\":[\"../../etc/passwd\",\"bbb/layer.tar\"]}]", TOP);

        assertThatThrownBy(() -> ImageSources.open(archive))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(archive.toString())
                .hasMessageContaining("'..'");
    }

    @Test
    void aPlainRootfsTarballIsOneLayerWithNoConfig() throws Exception {
        Path plain = Files.write(tmp.resolve("rootfs.tar"), BASE);
        Path gzipped = Files.write(tmp.resolve("rootfs.tar.gz"), TarBuilder.gzip(BASE));

        for (Path archive : new Path[] {plain, gzipped}) {
            try (ImageSource src = ImageSources.open(archive)) {
                assertThat(src.layerCount()).isEqualTo(1);
                assertThat(src.config()).isEqualTo(ImageConfig.empty());
                assertThat(src.repoTags()).isEmpty();
                Path dir = extract(src, 0);
                assertThat(dir.resolve("bin/sh")).hasContent("shell");
            }
        }
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the decompressed copy is deleted on close")
                    .noneMatch(n -> n.startsWith("sixc-import-"));
        }
    }

    @Test
    void somethingThatIsNotAnArchiveIsRefusedNamingIt() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.tar"), "not a tar archive ".repeat(100));

        assertThatThrownBy(() -> ImageSources.open(junk))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(junk.toString());
        assertThatThrownBy(() -> ImageSources.open(tmp.resolve("missing.tar")))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("missing.tar");
        assertThatThrownBy(() -> ImageSources.open(tmp))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("no oci-layout");
    }

    private Path dockerArchive(String manifest, byte[] topLayer) throws Exception {
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"A=1\"],\"Cmd\":[\"/bin/sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + sha256(BASE) + "\",\"" + sha256(TOP) + "\"]}}";
        byte[] tar = new TarBuilder()
                .dir("aaa").file("aaa/layer.tar", BASE)
                .dir("bbb").file("bbb/layer.tar", topLayer)
                .file("cfg.json", config)
                .file("manifest.json", manifest)
                .bytes();
        return Files.write(tmp.resolve("saved.tar"), tar);
    }

    private Path extract(ImageSource src, int i) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("layers-" + System.nanoTime() + "/" + i));
        try (InputStream in = src.openLayer(i)) {
            LayerExtractor.extract(in, dir, src.describeLayer(i));
        }
        return dir;
    }

    private static String sha256(byte[] data) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
