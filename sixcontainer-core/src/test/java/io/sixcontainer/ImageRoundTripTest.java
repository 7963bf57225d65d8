package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RootRequired;
import io.sixcontainer.testing.RuntimeTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Images in and out as a user sees them: commit a container's changes, export, import into
 * another runtime root, run; a real multi-layer image made by umoci; bad archives leave nothing.
 */
class ImageRoundTripTest extends RuntimeTestBase {

    private static final String SEES = "cat /etc/added; ls /bin/vi 2>&1; ls /vol 2>&1; cat /etc/motd 2>&1";

    @Test
    void commitExportImportRunSeesExactlyTheChanges() throws Exception {
        Path vol = Files.createDirectories(root.resolve("vol"));
        ImageInfo committed;
        try (Container c = runtime.launch(ContainerSpec.builder().image("busybox")
                .command("sh", "-c", "echo added > /etc/added; rm /bin/vi; echo in-volume > /vol/f; sleep 100")
                .volume(Volume.bind(vol, "/vol")).build())) {
            awaitFile(c, "/vol/f");
            committed = c.commit("changed:1", List.of("sh", "-c", SEES));
        }
        assertThat(committed.layers()).as("the busybox image's layer and the changes").hasSize(2);
        String expected = "added\nls: /bin/vi: No such file or directory\ncat: can't open '/etc/motd': No such file or directory\n";
        assertThat(runtime.run(ContainerSpec.builder().image("changed:1").build(), Duration.ofSeconds(30)).stdout())
                .as("volume contents are never committed (the mount point stays, empty)").isEqualTo(expected);

        for (ExportFormat format : ExportFormat.values()) {
            Path archive = root.resolve("export-" + format + ".tar");
            runtime.exportImage("changed:1", archive, format);
            Path otherRoot = io.sixcontainer.testing.TestRoots.create();
            try (ContainerRuntime other = ContainerRuntime.open(otherRoot)) {
                ImageInfo imported = other.importImage(archive, "moved:1");
                String cmd = format == ExportFormat.OCI_LAYOUT ? null : SEES;
                ContainerSpec.Builder spec = ContainerSpec.builder().image("moved:1");
                if (cmd != null) {
                    spec.command("sh", "-c", cmd);   // a rootfs tar has no config
                }
                assertThat(other.run(spec.build(), Duration.ofSeconds(30)).stdout()).as(format.toString())
                        .isEqualTo(expected);
                if (format == ExportFormat.OCI_LAYOUT) {
                    assertThat(imported.id()).as("layers and config survive the trip").isEqualTo(committed.id());
                }
            } finally {
                io.sixcontainer.testing.TestRoots.delete(otherRoot);
            }
        }
        runtime.removeImage("changed:1", false);
    }

    @Test
    void aMultiLayerImageMadeByUmociRunsWithItsConfigAndWhiteouts() throws Exception {
        RootRequired.assumeTool("umoci");
        Path layout = root.resolve("umoci-layout");
        String ref = layout + ":base";
        Path bundle = root.resolve("bundle");
        cmd("umoci", "init", "--layout", layout.toString());
        cmd("umoci", "new", "--image", ref);
        cmd("umoci", "unpack", "--image", ref, bundle.toString());
        cmd("cp", "-a", busybox + "/.", bundle.resolve("rootfs").toString());
        Files.writeString(bundle.resolve("rootfs/etc/doomed"), "bye\n");
        cmd("umoci", "repack", "--image", ref, bundle.toString());
        cmd("rm", "-rf", bundle.toString());
        cmd("umoci", "unpack", "--image", ref, bundle.toString());
        Files.delete(bundle.resolve("rootfs/etc/doomed"));
        Files.createDirectories(bundle.resolve("rootfs/data"));
        Files.writeString(bundle.resolve("rootfs/data/new"), "new\n");
        cmd("umoci", "repack", "--image", ref, bundle.toString());
        cmd("umoci", "config", "--image", ref, "--config.env", "FOO=bar", "--config.workingdir", "/data",
                "--config.user", "1000:1001", "--config.cmd", "sh", "--config.cmd", "-c",
                "--config.cmd", "echo $FOO in $(pwd) as $(id -u):$(id -g); cat new; ls /etc/doomed");

        ImageInfo img = runtime.importImage(layout, "umoci-made:1");
        assertThat(img.layers()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(img.env()).contains("FOO=bar");
        assertThat(img.user()).isEqualTo("1000:1001");
        ContainerResult r = runtime.run(ContainerSpec.builder().image("umoci-made:1").build(), Duration.ofSeconds(30));
        assertThat(r.stdout()).isEqualTo("bar in /data as 1000:1001\nnew\n");
        assertThat(r.stderr()).contains("/etc/doomed: No such file or directory");
        ContainerResult asRoot = runtime.run(ContainerSpec.builder().image("umoci-made:1").user(User.root()).build(),
                Duration.ofSeconds(30));
        assertThat(asRoot.stdout()).as("the spec's user wins over the image's").startsWith("bar in /data as 0:0\n");
        runtime.removeImage("umoci-made:1", false);
    }

    @Test
    void corruptAndTruncatedArchivesLeaveNoImageAndNoLayer() throws Exception {
        Path good = root.resolve("good.tar");
        runtime.exportImage("busybox", good, ExportFormat.ROOTFS_TAR);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(root.resolve("truncated.tar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path junk = Files.writeString(root.resolve("junk.tar"), "this is not a tar at all, not even close".repeat(40));
        List<Path> layersBefore = layers();
        for (Path bad : List.of(truncated, junk, root.resolve("missing.tar"))) {
            assertThatThrownBy(() -> runtime.importImage(bad, "bad:1")).isInstanceOf(ImageException.class)
                    .hasMessageContaining(bad.getFileName().toString());
            assertThat(runtime.image("bad:1")).isEmpty();
            assertThat(layers()).as("no layer and no temporary directory left").isEqualTo(layersBefore);
        }
        assertThatThrownBy(() -> runtime.importImage(good, "Bad/Name")).isInstanceOf(ImageException.class)
                .hasMessageContaining("Bad/Name");
    }

    @Test
    void aRootfsDirectoryContainerCannotBeCommitted() {
        try (Container c = runtime.launch(spec("sleep", "100").build())) {
            assertThatThrownBy(() -> c.commit("x:1")).isInstanceOf(ImageException.class).hasMessageContaining("rootfs");
        }
    }

    private static List<Path> layers() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("layers"))) {
            return s.sorted().toList();
        }
    }

    private static void cmd(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", argv) + " failed: " + out);
        }
    }

    private static void awaitFile(Container c, String path) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (c.execAndCollect(ExecSpec.of("test", "-e", path), Duration.ofSeconds(10)).exitCode() == 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(path + " never appeared");
    }
}
