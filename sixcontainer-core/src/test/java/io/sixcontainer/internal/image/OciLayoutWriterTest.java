package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.ImageException;
import io.sixcontainer.testing.RootRequired;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export as an OCI layout: read back by our importer and by umoci, whiteouts and config intact. */
class OciLayoutWriterTest {

    static final ImageConfig CONFIG = new ImageConfig(List.of("PATH=/bin", "MODE=test"), List.of("/bin/sh", "-c"),
            List.of("echo hi"), "/work");

    @TempDir
    Path tmp;
    Path lower;
    Path upper;

    @BeforeEach
    void layers() throws IOException {
        RootRequired.assumeRoot();
        lower = extract("lower", new TarBuilder().dir("etc").file("etc/keep", "keep").file("etc/doomed", "bye")
                .dir("data").file("data/old", "old").bytes());
        upper = extract("upper", new TarBuilder().file("etc/.wh.doomed", "").dir("data")
                .file("data/.wh..wh..opq", "").file("data/new", "new").bytes());
    }

    @Test
    void directoryLayoutReadsBackLayerForLayer() throws IOException {
        Path out = tmp.resolve("export");
        OciLayoutWriter.write(CONFIG, List.of(lower, upper), "v1", out);

        assertReadsBack(out);
    }

    @Test
    void tarLayoutReadsBackLayerForLayer() throws IOException {
        Path out = tmp.resolve("export.tar");
        OciLayoutWriter.write(CONFIG, List.of(lower, upper), "v1", out);

        assertThat(out).isRegularFile();
        assertReadsBack(out);
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void umociUnpacksTheExportWithTheDeletionsApplied() throws Exception {
        Commands.assumeInstalled("umoci");
        Path out = tmp.resolve("export");
        OciLayoutWriter.write(CONFIG, List.of(lower, upper), "v1", out);

        Path bundle = tmp.resolve("bundle");
        Commands.run("umoci", "unpack", "--image", out + ":v1", bundle.toString());

        assertThat(Commands.listing(bundle.resolve("rootfs")))
                .isEqualTo("data d\ndata/new f\netc d\netc/keep f\n");
        assertThat(Files.readString(bundle.resolve("config.json"))).contains("MODE=test", "echo hi", "/work");
    }

    @Test
    void refusesToOverwrite() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("exists"));

        assertThatThrownBy(() -> OciLayoutWriter.write(CONFIG, List.of(lower), "v1", out))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(out.toString())
                .hasMessageContaining("already exists");
    }

    private void assertReadsBack(Path out) throws IOException {
        try (ImageSource src = ImageSources.open(out)) {
            assertThat(src.config()).isEqualTo(CONFIG);
            assertThat(src.repoTags()).containsExactly("v1");
            assertThat(src.layerCount()).isEqualTo(2);
            List<Path> originals = List.of(lower, upper);
            for (int i = 0; i < 2; i++) {
                Path again = Files.createDirectories(tmp.resolve("again-" + out.getFileName() + "/" + i));
                try (InputStream in = src.openLayer(i)) {
                    LayerExtractor.extract(in, again, src.describeLayer(i));
                }
                assertThat(TreeSnapshot.of(again)).isEqualTo(TreeSnapshot.of(originals.get(i)));
            }
        }
    }

    private Path extract(String name, byte[] tar) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        LayerExtractor.extract(new ByteArrayInputStream(tar), dir, name + ".tar");
        return dir;
    }
}
