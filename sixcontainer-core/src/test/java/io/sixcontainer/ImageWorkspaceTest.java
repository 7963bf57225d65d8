package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Roots made from images: an overlay per container, changes private to it, the image never modified. */
class ImageWorkspaceTest extends RuntimeTestBase {

    @Test
    void aContainersWritesStayInItsOwnLayer() throws Exception {
        try (Container a = runtime.launch(image("sh", "-c", "echo mine > /etc/motd; rm /bin/vi; sleep 100").build())) {
            awaitFile(a, "/etc/motd");
            ContainerResult b = runtime.run(image("sh", "-c", "cat /etc/motd 2>&1; ls /bin/vi;"
                    + " awk '$5 == \"/\" { print $9 }' /proc/self/mountinfo").build(), Duration.ofSeconds(30));
            assertThat(b.stdout().lines()).containsExactly("cat: can't open '/etc/motd': No such file or directory",
                    "/bin/vi", "overlay");
            assertThat(a.execAndCollect(ExecSpec.of("sh", "-c", "cat /etc/motd; ls /bin/vi 2>&1"), Duration.ofSeconds(10))
                    .stdout().lines()).containsExactly("mine", "ls: /bin/vi: No such file or directory");
            assertThat(busybox.resolve("etc/motd")).as("the image is never modified").doesNotExist();
            assertThat(root.resolve("mnt")).as("the shared mount point, as the host sees it").isEmptyDirectory();
            assertThat(busybox.resolve("bin/vi")).exists();
            Path upper = root.resolve("containers").resolve(a.id()).resolve("upper");
            assertThat(upper.resolve("etc/motd")).hasContent("mine");
            a.remove(true);
            assertThat(upper).doesNotExist();
        }
    }

    @Test
    void theWritableLayerIsMountedVolatileNotSyncingTheHostFileSystemWhenItGoes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.sixcontainer.internal.security.KernelVersion.runningAtLeast(5, 10), "overlay volatile needs Linux 5.10");
        ContainerResult r = runtime.run(image("awk", "$5 == \"/\" { print $NF }", "/proc/self/mountinfo").build(),
                Duration.ofSeconds(30));
        // newer kernels show the option as fsync=volatile
        assertThat(r.stdout().strip().split(",")).containsAnyOf("volatile", "fsync=volatile");
    }

    @Test
    void theRootIsTheImagesModeAndTheHostImageIsTheHostsRoot() throws Exception {
        ContainerResult r = runtime.run(ContainerSpec.builder().image("host").command("sh", "-c",
                "stat -c %a /; test -x /usr/bin/apt-get && echo host-tools; echo x > /usr/sixc-probe && cat /usr/sixc-probe")
                .build(), Duration.ofSeconds(30));
        assertThat(r.stdout().lines()).containsExactly("755", "host-tools", "x");
        assertThat(Path.of("/usr/sixc-probe")).as("writes go to the container's layer").doesNotExist();
    }

    @Test
    void volumesReadWriteAndReadOnly() throws Exception {
        Path rw = Files.createDirectories(root.resolve("vol-rw"));
        Path ro = Files.createDirectories(root.resolve("vol-ro"));
        Files.writeString(ro.resolve("given"), "from host\n");
        ContainerResult r = runtime.run(image("sh", "-c", "echo hi > /data/rw/out; cat /data/ro/given;"
                + " touch /data/ro/x 2>&1; mount -o remount,rw /data/ro 2>/dev/null || echo remount-refused;"
                + " touch /data/ro/x 2>&1; awk '$5 ~ /^\\/data/ { print $5, $6 }' /proc/self/mountinfo")
                .volume(Volume.bind(rw, "/data/rw")).volume(Volume.readOnly(ro, "/data/ro")).build(), Duration.ofSeconds(30));
        assertThat(r.stdout().lines()).containsExactly("from host", "touch: /data/ro/x: Read-only file system",
                "remount-refused", "touch: /data/ro/x: Read-only file system", "/data/rw rw,relatime", "/data/ro ro,relatime");
        assertThat(rw.resolve("out")).as("host data persists").hasContent("hi");
    }

    @Test
    void aVolumeTargetBehindASymlinkStaysInsideTheRoot() throws Exception {
        Path rootfs = root.resolve("planted");
        copyTree(busybox, rootfs);
        Files.createSymbolicLink(rootfs.resolve("data"), Path.of("/etc"));
        Files.createSymbolicLink(rootfs.resolve("up"), Path.of("../../../../../../../../etc"));
        Path vol = Files.createDirectories(root.resolve("vol-sym"));
        Files.writeString(vol.resolve("marker"), "vol\n");
        ContainerResult r = runtime.run(ContainerSpec.builder().rootfs(rootfs).command("sh", "-c",
                "cat /etc/marker; ls /etc/sub").volume(Volume.bind(vol, "/data")).volume(Volume.bind(vol, "/up/sub"))
                .build(), Duration.ofSeconds(30));
        // /up/sub lands in the volume already mounted on the container's /etc: both stayed inside the root.
        assertThat(r.stdout().lines()).containsExactly("vol", "marker", "sub");
        assertThat(Path.of("/etc/marker")).doesNotExist();
        assertThat(Path.of("/etc/sub")).doesNotExist();
    }

    @Test
    void missingVolumeSourcesAndUnknownImagesFailClearlyAndLeaveNothing() throws Exception {
        Path missing = root.resolve("no-such-dir");
        assertThatThrownBy(() -> runtime.launch(image("true").volume(Volume.bind(missing, "/m")).build()))
                .isInstanceOf(ContainerException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> runtime.launch(ContainerSpec.builder().image("nosuch:1").command("true").build()))
                .isInstanceOf(ImageException.class).hasMessageContaining("nosuch:1");
        assertThat(runtime.run(image("true").volume(Volume.bind(missing, "/m").creatingSource()).build(),
                Duration.ofSeconds(30)).status().code()).isZero();
        assertThat(missing).isDirectory();
        try (Stream<Path> s = Files.list(root.resolve("containers"))) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void theImagesDefaultCommandRunsWhenNoneIsGiven() {
        ContainerResult r = runtime.run(ContainerSpec.builder().image("busybox").stdin(Stdio.file(writeScript()))
                .build(), Duration.ofSeconds(30));
        assertThat(r.stdout()).isEqualTo("from sh\n");
    }

    private static Path writeScript() {
        try {
            return Files.writeString(Files.createTempFile(root, "script", ".sh"), "echo from sh\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ContainerSpec.Builder image(String... argv) {
        return ContainerSpec.builder().image("busybox").command(argv);
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

    private static void copyTree(Path from, Path to) throws Exception {
        new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start().waitFor();
    }
}
