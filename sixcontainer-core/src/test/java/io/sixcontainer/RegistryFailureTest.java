package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.ChildJvm;
import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.registry.LayerTar;
import io.sixcontainer.testing.registry.LocalRegistry;
import io.sixcontainer.testing.registry.OciImage;
import io.sixcontainer.testing.registry.OciImage.Compression;
import io.sixcontainer.testing.registry.PullChild;
import io.sixcontainer.testing.registry.RegistryProxy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls that break: connections cut mid-blob, blobs and manifests that are not what they
 * claim, names the registry does not have, JVMs killed mid-pull, two JVMs pulling at once.
 * Each either succeeds whole or fails with an {@link ImageException} naming the reference,
 * and leaves no staged layer, no half layer and no image behind.
 */
class RegistryFailureTest extends RuntimeTestBase {

    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static RegistryProxy proxy;
    static OciImage.Written image;

    @BeforeAll
    static void pushImage() throws Exception {
        registry = LocalRegistry.anonymous(Files.createDirectories(tmp.resolve("registry")));
        proxy = new RegistryProxy(registry);
        Path layout = tmp.resolve("image");
        // The busybox layer stored uncompressed: ~2 MB, long enough to cut and to trickle.
        image = new OciImage().layer(LayerTar.busybox("sh", "echo").bytes(), Compression.NONE)
                .layer(new LayerTar().file("etc/release", "1\n"))
                .cmd("echo", "ok").writeTo(layout, "1");
        registry.upload(layout, image, "test/app", "1");
        Path arm = tmp.resolve("arm");
        OciImage.Written armOnly = new OciImage().layer(new LayerTar().file("x", "y")).platform("linux", "arm64", null)
                .writeTo(arm, "1");
        registry.upload(arm, armOnly, "test/arm-only", "1");
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @AfterEach
    void resetProxyAndStore() {
        proxy.cutBlobs(0, 0);
        proxy.slowBlobs(0);
        for (ImageInfo i : runtime.images()) {
            if (i.id().startsWith("sha256:")) {
                runtime.removeImage(i.id(), true);
            }
        }
    }

    String ref() {
        return proxy.host() + "/test/app:1";
    }

    @Test
    void aCutDownloadResumesWithARangeRequestAndTheImageIsWhole() {
        proxy.cutBlobs(2, 300_000);
        List<PullProgress> progress = new CopyOnWriteArrayList<>();

        ImageInfo pulled = runtime.pull(ref(), PullOptions.defaults().withProgress(progress::add));

        assertThat(pulled.layers()).isEqualTo(image.diffIds());
        assertThat(proxy.seen()).anyMatch(l -> l.contains("/blobs/" + image.layers().get(0).digest())
                && l.endsWith("Range: bytes=300000-"));
        assertThat(progress).anyMatch(p -> p.state() == PullProgress.State.RESUMING);
        assertThat(runtime.run(ContainerSpec.builder().image(ref()).build(), java.time.Duration.ofSeconds(30)).stdout())
                .isEqualTo("ok\n");
        assertNothingStaged();
    }

    @Test
    void aDownloadCutEveryTimeFailsAfterSomeResumesAndLeavesNothing() {
        proxy.cutBlobs(100, 50_000);

        assertFailsCleanly(ref(), "failed 6 times");
    }

    @Test
    void aBlobThatIsNotItsDigestIsRefused() {
        OciImage.Blob top = image.layers().get(1);
        byte[] other = OciImage.compressedLayer(new LayerTar().file("etc/release", "2\n").bytes());
        proxy.replace("/blobs/" + top.digest(), other, "application/octet-stream");
        try {
            assertFailsCleanly(ref(), top.digest());
        } finally {
            proxy.replace("/blobs/" + top.digest(), null, null);
        }
    }

    @Test
    void manifestsThatAreGarbageHugeOrSchema1AreRefused() {
        proxy.replace("/manifests/garbage", "{not json".getBytes(StandardCharsets.UTF_8),
                "application/vnd.oci.image.manifest.v1+json");
        proxy.replace("/manifests/huge", new byte[10 << 20], "application/vnd.oci.image.manifest.v1+json");
        proxy.replace("/manifests/old", "{\"schemaVersion\":1,\"name\":\"test/app\",\"fsLayers\":[]}"
                .getBytes(StandardCharsets.UTF_8), "application/vnd.docker.distribution.manifest.v1+prettyjws");

        assertFailsCleanly(proxy.host() + "/test/app:garbage", "manifest");
        assertFailsCleanly(proxy.host() + "/test/app:huge", "more than the limit");
        assertFailsCleanly(proxy.host() + "/test/app:old", "schema 1");
    }

    @Test
    void namesTheRegistryLacksAndImagesForAnotherMachineAreRefused() throws IOException {
        assertFailsCleanly(registry.host() + "/test/app:nope", "manifest unknown");
        assertFailsCleanly(registry.host() + "/test/none:1", "test/none");
        assertFailsCleanly(registry.host() + "/test/arm-only:1", "--platform linux/arm64");
        int closed = freePort();
        assertFailsCleanly("127.0.0.1:" + closed + "/test/app:1", "127.0.0.1:" + closed);
        assertThatThrownBy(() -> runtime.pull("Bad//Name")).isInstanceOf(ImageException.class)
                .hasMessageContaining("Bad//Name");
    }

    @Test
    void aJvmKilledMidPullLeavesNothingThatStopsTheNextPull() throws Exception {
        proxy.slowBlobs(64 * 1024);
        Process child = ChildJvm.start(PullChild.class, root.toString(), ref());
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("downloading");
        assertThat(stagedDirs()).as("the child is staging").isNotEmpty();

        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        proxy.slowBlobs(0);

        ImageInfo pulled = runtime.pull(ref());
        assertThat(pulled.layers()).isEqualTo(image.diffIds());
        assertNothingStaged();
    }

    @Test
    void twoJvmsPullingTheSameImageAtOnceBothGetIt() throws Exception {
        proxy.slowBlobs(256 * 1024);
        Process a = ChildJvm.start(PullChild.class, root.toString(), ref());
        Process b = ChildJvm.start(PullChild.class, root.toString(), ref());
        String outA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String outB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(outA).contains("pulled " + image.config().digest());
        assertThat(outB).contains("pulled " + image.config().digest());
        assertThat(runtime.images()).filteredOn(i -> i.id().equals(image.config().digest())).hasSize(1);
        assertNothingStaged();
    }

    private void assertFailsCleanly(String ref, String reason) {
        List<String> before = layerDirs();
        assertThatThrownBy(() -> runtime.pull(ref))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining(ref)
                .hasMessageContaining(reason);
        assertThat(runtime.image(ref)).isEmpty();
        assertThat(layerDirs()).isEqualTo(before);
        assertNothingStaged();
    }

    private static void assertNothingStaged() {
        assertThat(stagedDirs()).isEmpty();
    }

    private static List<String> stagedDirs() {
        return list(root.resolve("pulls"));
    }

    private static List<String> layerDirs() {
        return list(root.resolve("layers"));
    }

    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
