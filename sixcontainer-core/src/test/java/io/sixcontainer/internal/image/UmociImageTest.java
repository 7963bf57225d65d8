package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RootRequired;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real multi-layer OCI image made by umoci (an independent implementation): read, extracted
 * layer by layer, flattened; checked against umoci's own unpack and the kernel's overlayfs merge.
 */
class UmociImageTest {

    @TempDir
    Path tmp;
    Path image;

    @BeforeEach
    void buildImage() throws Exception {
        RootRequired.assumeRoot();
        Commands.assumeInstalled("umoci");
        image = tmp.resolve("image");
        String ref = image + ":base";
        Path bundle = tmp.resolve("bundle");
        Commands.run("umoci", "init", "--layout", image.toString());
        Commands.run("umoci", "new", "--image", ref);

        Commands.run("umoci", "unpack", "--image", ref, bundle.toString());
        Path rootfs = bundle.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/greeting"), "hello");
        Files.writeString(rootfs.resolve("etc/doomed"), "bye");
        Files.createDirectories(rootfs.resolve("data/old"));
        Files.writeString(rootfs.resolve("data/old/file"), "old");
        Commands.run("umoci", "repack", "--image", ref, bundle.toString());
        io.sixcontainer.internal.state.StateStore.deleteTree(bundle);

        Commands.run("umoci", "unpack", "--image", ref, bundle.toString());
        Files.delete(rootfs.resolve("etc/doomed"));
        io.sixcontainer.internal.state.StateStore.deleteTree(rootfs.resolve("data/old"));
        Files.writeString(rootfs.resolve("data/new"), "new");
        Commands.run("umoci", "repack", "--image", ref, bundle.toString());
        io.sixcontainer.internal.state.StateStore.deleteTree(bundle);

        Commands.run("umoci", "config", "--image", ref, "--config.env", "FOO=bar", "--config.cmd", "/bin/sh",
                "--config.workingdir", "/data", "--config.exposedports", "80/tcp", "--config.exposedports", "53/udp");
    }

    @Test
    void readsConfigTagsAndLayersInOrder() throws Exception {
        try (ImageSource src = ImageSources.open(image)) {
            assertThat(src.repoTags()).containsExactly("base");
            assertThat(src.config().env()).contains("FOO=bar");
            assertThat(src.config().cmd()).containsExactly("/bin/sh");
            assertThat(src.config().workingDir()).isEqualTo("/data");
            assertThat(src.config().exposedPorts()).containsExactlyInAnyOrder("80/tcp", "53/udp");
            assertThat(src.layerCount()).isGreaterThanOrEqualTo(2);

            List<Path> layers = extractAll(src);
            Path top = layers.getLast();
            Lstat doomed = Lstat.of(top.resolve("etc/doomed"));
            assertThat(doomed.type()).as("the deletion is an overlay whiteout").isEqualTo(Lstat.S_IFCHR);
            assertThat(doomed.rdev()).isZero();
            assertThat(layers.get(layers.size() - 2).resolve("etc/doomed")).hasContent("bye");
        }
    }

    @Test
    void flattenMatchesUmociUnpackAndTheKernelsOverlay() throws Exception {
        try (ImageSource src = ImageSources.open(image)) {
            List<Path> layers = extractAll(src);
            Path flat = Files.createDirectory(tmp.resolve("flat"));
            Path flatTar = tmp.resolve("flat.tar");
            try (OutputStream out = Files.newOutputStream(flatTar)) {
                LayerArchiver.flatten(layers, out);
            }
            try (InputStream in = Files.newInputStream(flatTar)) {
                LayerExtractor.extract(in, flat, "flat.tar");
            }

            Path bundle = tmp.resolve("final");
            Commands.run("umoci", "unpack", "--image", image + ":base", bundle.toString());
            Path mountPoint = Files.createDirectory(tmp.resolve("mnt"));

            String ours = Commands.listing(flat);
            assertThat(ours).contains("etc/greeting f", "data/new f").doesNotContain("doomed", "data/old", ".wh.");
            assertThat(ours).isEqualTo(Commands.listing(bundle.resolve("rootfs")));
            assertThat(ours).isEqualTo(Commands.overlayListing(layers, mountPoint));
            assertThat(flat.resolve("etc/greeting")).hasContent("hello");
        }
    }

    @Test
    void readsTheSameImageFromATarOfTheLayout() throws Exception {
        Path tar = tmp.resolve("image.tar");
        Commands.run("tar", "-C", image.toString(), "-cf", tar.toString(), ".");

        try (ImageSource dir = ImageSources.open(image); ImageSource fromTar = ImageSources.open(tar)) {
            assertThat(fromTar.config()).isEqualTo(dir.config());
            assertThat(fromTar.repoTags()).isEqualTo(dir.repoTags());
            assertThat(fromTar.layerCount()).isEqualTo(dir.layerCount());
            for (int i = 0; i < dir.layerCount(); i++) {
                try (InputStream a = dir.openLayer(i); InputStream b = fromTar.openLayer(i)) {
                    assertThat(b.readAllBytes()).isEqualTo(a.readAllBytes());
                }
            }
        }
    }

    private List<Path> extractAll(ImageSource src) throws IOException {
        List<Path> layers = new ArrayList<>();
        for (int i = 0; i < src.layerCount(); i++) {
            Path dir = Files.createDirectories(tmp.resolve("layers/" + i));
            try (InputStream in = src.openLayer(i)) {
                LayerExtractor.extract(in, dir, src.describeLayer(i));
            }
            layers.add(dir);
        }
        return layers;
    }
}
