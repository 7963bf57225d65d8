package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sixcontainer.testing.RuntimeTestBase;
import io.sixcontainer.testing.registry.LayerTar;
import io.sixcontainer.testing.registry.LocalRegistry;
import io.sixcontainer.testing.registry.OciImage;
import io.sixcontainer.testing.registry.OciImage.Compression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a real registry (docker-registry on 127.0.0.1, images pushed with skopeo) and
 * runs what was pulled: what the container sees is what the layers, in order, made.
 */
class RegistryPullTest extends RuntimeTestBase {

    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static OciImage.Written layered;

    @BeforeAll
    static void pushImages() throws Exception {
        registry = LocalRegistry.anonymous(Files.createDirectories(tmp.resolve("registry")));
        Path layout = tmp.resolve("layered");
        layered = layeredImage(Compression.ZSTD).writeTo(layout, "1");
        registry.upload(layout, layered, "test/layered", "1");
        Path gzipOnly = tmp.resolve("gzip-only");
        layeredImage(Compression.GZIP).writeTo(gzipOnly, "1");
        registry.push(gzipOnly, "1", "test/docker-format:1", false, "v2s2", false);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** Four layers: busybox; files and a dir; deletions (whiteout, opaque dir) and a capability; the third zstd (docker's format has no zstd), the top one a raw tar. */
    static OciImage layeredImage(Compression third) {
        byte[] busyboxBinary;
        try {
            busyboxBinary = Files.readAllBytes(Path.of("/bin/busybox"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new OciImage()
                .layer(LayerTar.busybox("sh", "cat", "ls", "echo", "test", "id", "sleep"))
                .layer(new LayerTar().dir("data").file("data/keep", "kept").file("data/gone", "deleted later")
                        .dir("cache").file("cache/old", "hidden by an opaque dir").bytes(), Compression.GZIP)
                .layer(new LayerTar().whiteout("data/gone").opaque("cache").dir("cache").file("cache/new", "fresh")
                        .dir("usr").dir("usr/local").dir("usr/local/bin")
                        .fileWithCapability("usr/local/bin/cat", busyboxBinary, LayerTar.CAP_NET_RAW_EP, false)
                        .bytes(), third)
                .layer(new LayerTar().file("etc/motd", "top layer, uncompressed\n").bytes(), Compression.NONE)
                .env("GREETING=from the image config").label("org.example.kind", "test").cmd("cat", "/etc/motd");
    }

    @Test
    void pullsByTagAndTheContainerSeesTheLayersInOrder() {
        List<PullProgress> progress = new CopyOnWriteArrayList<>();
        String ref = registry.host() + "/test/layered:1";

        ImageInfo image = runtime.pull(ref, PullOptions.defaults().withProgress(progress::add));

        assertThat(image.tags()).containsExactly(ref);
        assertThat(image.id()).isEqualTo(layered.config().digest());
        assertThat(image.layers()).isEqualTo(layered.diffIds());
        assertThat(image.repoDigests()).containsExactly(registry.host() + "/test/layered@" + layered.manifest().digest());
        assertThat(image.labels()).containsEntry("org.example.kind", "test");
        assertThat(image.env()).contains("GREETING=from the image config");
        assertThat(image.exposedPorts()).containsExactly("80/tcp");
        assertThat(progress).filteredOn(p -> p.state() == PullProgress.State.DONE).extracting(PullProgress::layer)
                .containsExactlyInAnyOrderElementsOf(layered.layers().stream().map(OciImage.Blob::digest).toList());

        ContainerResult r = runtime.run(ContainerSpec.builder().image(ref).pullPolicy(PullPolicy.NEVER)
                .command("sh", "-c", "cat /etc/motd; echo $GREETING; cat /data/keep; echo; test -e /data/gone || echo gone;"
                        + " ls /cache; echo end").build(), Duration.ofSeconds(30));

        assertThat(r.status().code()).isZero();
        assertThat(r.stdout()).isEqualTo("top layer, uncompressed\nfrom the image config\nkept\ngone\nnew\nend\n");
    }

    @Test
    void aFileCapabilityOfALayerWorksOnlyWhenNoNewPrivilegesIsOff() {
        String ref = registry.host() + "/test/layered:1";
        runtime.pull(ref);
        ContainerSpec.Builder spec = ContainerSpec.builder().image(ref).user(1000, 1000)
                .command("/usr/local/bin/cat", "/proc/self/status");

        String confined = runtime.run(spec.build(), Duration.ofSeconds(30)).stdout();
        String allowed = runtime.run(spec.security(Security.builder().noNewPrivileges(false).build()).build(),
                Duration.ofSeconds(30)).stdout();

        // CAP_NET_RAW is bit 13: the file's capability raises the permitted and effective sets.
        assertThat(line(allowed, "CapEff")).isEqualTo("0000000000002000");
        assertThat(line(allowed, "CapPrm")).isEqualTo("0000000000002000");
        assertThat(line(confined, "CapEff")).isEqualTo("0000000000000000");
        assertThat(line(confined, "NoNewPrivs")).isEqualTo("1");
    }

    @Test
    void pullsByDigestAndADockerSchema2Manifest() {
        String byDigest = registry.host() + "/test/layered@" + layered.manifest().digest();

        ImageInfo image = runtime.pull(byDigest);

        assertThat(image.id()).isEqualTo(layered.config().digest());
        assertThat(runtime.image(byDigest)).map(ImageInfo::id).contains(image.id());
        ImageInfo docker = runtime.pull(registry.host() + "/test/docker-format:1");
        assertThat(docker.id()).as("the same config, whatever the manifest format").isEqualTo(image.id());
        assertThat(docker.repoDigests()).filteredOn(d -> d.contains("/test/docker-format@")).singleElement().asString()
                .doesNotEndWith(layered.manifest().digest());
    }

    @Test
    void pullPolicyDecidesWhetherLaunchGoesToTheRegistry() throws Exception {
        Path layout = tmp.resolve("policy");
        new OciImage().layer(LayerTar.busybox("sh", "echo")).cmd("echo", "first").writeTo(layout, "v");
        registry.push(layout, "v", "test/policy:v");
        String ref = registry.host() + "/test/policy:v";

        assertThatThrownBy(() -> runtime.launch(ContainerSpec.builder().image(ref).pullPolicy(PullPolicy.NEVER).build()))
                .isInstanceOf(ImageException.class).hasMessageContaining(ref);
        assertThat(runtime.run(ContainerSpec.builder().image(ref).build(), Duration.ofSeconds(30)).stdout())
                .as("IF_MISSING pulls").isEqualTo("first\n");

        Path second = tmp.resolve("policy2");
        new OciImage().layer(LayerTar.busybox("sh", "echo")).cmd("echo", "second").writeTo(second, "v");
        registry.push(second, "v", "test/policy:v");
        assertThat(runtime.run(ContainerSpec.builder().image(ref).build(), Duration.ofSeconds(30)).stdout())
                .as("IF_MISSING keeps what it has").isEqualTo("first\n");
        assertThat(runtime.run(ContainerSpec.builder().image(ref).pullPolicy(PullPolicy.ALWAYS).build(),
                Duration.ofSeconds(30)).stdout()).isEqualTo("second\n");
    }

    @Test
    void theHostPlatformIsChosenFromAnIndexAndAnotherOnlyWhenAsked() throws Exception {
        Path layout = tmp.resolve("multi");
        OciImage amd64 = new OciImage().layer(LayerTar.busybox("sh", "echo")).cmd("echo", "amd64").label("arch", "amd64");
        OciImage arm64 = new OciImage().layer(new LayerTar().file("arch", "arm64").bytes(), Compression.GZIP)
                .platform("linux", "arm64", "v8").label("arch", "arm64");
        OciImage.writeIndex(layout, "m", amd64, arm64);
        registry.push(layout, "m", "test/multi:m", true, null, false);
        String ref = registry.host() + "/test/multi:m";

        ImageInfo other = runtime.pull(ref, PullOptions.defaults().withPlatform("linux/arm64"));
        assertThat(other.labels()).containsEntry("arch", "arm64");
        ImageInfo host = runtime.pull(ref);
        assertThat(host.labels()).as("on this amd64 machine").containsEntry("arch", "amd64");
        assertThatThrownBy(() -> runtime.pull(ref, PullOptions.defaults().withPlatform("linux/s390x")))
                .isInstanceOf(ImageException.class).hasMessageContaining(ref).hasMessageContaining("linux/s390x")
                .hasMessageContaining("linux/arm64");
    }

    @Test
    void aSecondPullDownloadsNoLayerTwice() {
        String ref = registry.host() + "/test/layered:1";
        runtime.pull(ref);
        List<PullProgress> progress = new CopyOnWriteArrayList<>();

        runtime.pull(ref, PullOptions.defaults().withProgress(progress::add));

        assertThat(progress).extracting(PullProgress::state).containsOnly(PullProgress.State.EXISTS);
    }

    static String line(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError(key + " not in " + status));
    }
}
