package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.internal.image.ImageConfig;
import io.sixcontainer.internal.image.ImageStore;
import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, tags and removal of stored images; images in use are kept. */
class ImageStoreTest extends RuntimeTestBase {

    private static final String LAYER = "sha256:" + "ab".repeat(32);

    @Test
    void taggedImagesRunWithTheirDefaultsAndCannotBeRemovedWhileUsed() throws Exception {
        ImageInfo img = storeImage("app:1", new ImageConfig(List.of("GREETING=hi", "PATH=/bin"), List.of("sh", "-c"),
                List.of("echo $GREETING from $(pwd)"), "/etc"));
        assertThat(runtime.image("app:1")).contains(img);
        assertThat(runtime.image(img.id().substring(7, 15))).as("by id prefix").contains(img);
        assertThat(runtime.images()).extracting(ImageInfo::tags).containsExactly(List.of("app:1"));

        assertThat(runtime.run(ContainerSpec.builder().image("app:1").build(), Duration.ofSeconds(30)).stdout())
                .isEqualTo("hi from /etc\n");
        assertThat(runtime.run(ContainerSpec.builder().image("app:1").command("echo $0 in $(pwd)").workingDir("/tmp")
                .build(), Duration.ofSeconds(30)).stdout()).as("the command replaces cmd, the entrypoint stays")
                .isEqualTo("sh in /tmp\n");

        runtime.tagImage("app:1", "app");
        assertThat(runtime.image("app:latest").orElseThrow().tags()).containsExactly("app:1", "app:latest");
        assertThat(runtime.removeImage("app", false)).isEqualTo("untagged: app:latest");

        try (Container c = runtime.launch(ContainerSpec.builder().image("app:1").command("sleep 100").build())) {
            assertThatThrownBy(() -> runtime.removeImage("app:1", false)).isInstanceOf(ImageException.class)
                    .hasMessageContaining("app:1").hasMessageContaining("used by a container");
            assertThat(runtime.removeImage("app:1", true)).startsWith("deleted: sha256:");
            assertThat(runtime.image("app:1")).isEmpty();
            assertThat(layerDir()).as("a layer a container uses stays").isDirectory();
            assertThat(c.execAndCollect(ExecSpec.of("cat", "/etc/passwd"), Duration.ofSeconds(10)).exitCode()).isZero();
        }
        assertThat(layerDir()).as("freed with the last container that used it").doesNotExist();
    }

    @Test
    void anImageThatRepeatsALayerRuns() throws Exception {
        storeImage("once:1", ImageConfig.empty());
        ImageStore store = new ImageStore(root);
        store.locked(() -> store.store(List.of(LAYER, LAYER), ImageConfig.empty(), "twice:1"));
        assertThat(runtime.run(ContainerSpec.builder().image("twice:1").command("echo", "ok").build(),
                Duration.ofSeconds(30)).stdout()).isEqualTo("ok\n");
        runtime.removeImage("twice:1", false);
        runtime.removeImage("once:1", false);
    }

    @Test
    void badNamesAndUnknownImagesAreRefusedNamingTheValue() {
        for (String bad : List.of("UPPER", "a//b", "/abs", "../x", "x@sha256:12", "x:", "x:-tag", "a..b", "sha256:" + "a".repeat(64),
                "builtin:busybox")) {
            assertThatThrownBy(() -> runtime.tagImage("busybox", bad)).isInstanceOf(ImageException.class);
        }
        assertThatThrownBy(() -> runtime.removeImage("nosuch", false)).isInstanceOf(ImageException.class)
                .hasMessageContaining("nosuch");
        assertThatThrownBy(() -> runtime.removeImage("busybox", true)).isInstanceOf(ImageException.class)
                .hasMessageContaining("built-in");
        assertThat(runtime.image("busybox")).map(ImageInfo::id).contains("builtin:busybox");
        assertThat(runtime.image("host")).map(ImageInfo::id).contains("builtin:host");
    }

    private static ImageInfo storeImage(String ref, ImageConfig config) throws Exception {
        Path layer = layerDir();
        if (!Files.exists(layer)) {
            new ProcessBuilder("cp", "-a", busybox.toString(), layer.toString()).inheritIO().start().waitFor();
        }
        ImageStore store = new ImageStore(root);
        store.locked(() -> store.store(List.of(LAYER), config, ref));
        return runtime.image(ref).orElseThrow();
    }

    private static Path layerDir() {
        return root.resolve("layers").resolve(LAYER.substring(7));
    }
}
