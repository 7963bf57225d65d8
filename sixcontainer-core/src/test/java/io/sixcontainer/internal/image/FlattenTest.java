package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.testing.RootRequired;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flattening layers gives what the kernel's overlayfs shows for the same layers. */
class FlattenTest {

    @TempDir
    Path tmp;

    @Test
    void flattenedRootfsIsTheOverlayMerge() throws Exception {
        RootRequired.assumeRoot();
        Path l0 = extract("l0", new TarBuilder().file("a/keep", "k").file("a/gone", "g").file("b/old", "o")
                .file("c", "file c").file("d/x", "x").bytes());
        Path l1 = extract("l1", new TarBuilder().file("a/.wh.gone", "").dir("b").file("b/.wh..wh..opq", "")
                .file("b/new", "n").file("c/inside", "dir c").file("d", "file d").file("e/f", "f").bytes());
        Path l2 = extract("l2", new TarBuilder().file("e/.wh.f", "").file("a/gone", "revived").bytes());
        List<Path> layers = List.of(l0, l1, l2);

        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        LayerArchiver.flatten(layers, tar);
        Path flat = extract("flat", tar.toByteArray());

        String ours = Commands.listing(flat);
        assertThat(ours).isEqualTo("a d\na/gone f\na/keep f\nb d\nb/new f\nc d\nc/inside f\nd f\ne d\n");
        assertThat(ours).isEqualTo(Commands.overlayListing(layers, Files.createDirectory(tmp.resolve("mnt"))));
        assertThat(flat.resolve("a/gone")).hasContent("revived");
        assertThat(LayerRoundTripTest.entries(tar.toByteArray()).keySet()).noneMatch(n -> n.contains(".wh."));
    }

    private Path extract(String name, byte[] tar) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        LayerExtractor.extract(new ByteArrayInputStream(tar), dir, name + ".tar");
        return dir;
    }
}
