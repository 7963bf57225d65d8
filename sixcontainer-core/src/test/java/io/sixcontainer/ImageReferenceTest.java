package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The OCI distribution reference grammar, normalised as docker does. */
class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void bareNamesAreDockerHubLibraryImagesAtLatest() {
        ImageReference r = ImageReference.parse("busybox");
        assertThat(r.domain()).isEqualTo("docker.io");
        assertThat(r.path()).isEqualTo("library/busybox");
        assertThat(r.tag()).isEqualTo("latest");
        assertThat(r.digest()).isNull();
        assertThat(r.canonicalName()).isEqualTo("docker.io/library/busybox");
        assertThat(r.familiarName()).isEqualTo("busybox");
        assertThat(r.tagKey()).isEqualTo("busybox:latest");
        assertThat(ImageReference.parse("docker.io/library/busybox:latest")).isEqualTo(r);
        assertThat(ImageReference.parse("index.docker.io/library/busybox")).isEqualTo(r);
    }

    @Test
    void registryHostsPortsPathsTagsAndDigests() {
        ImageReference local = ImageReference.parse("localhost:5000/team/app:1");
        assertThat(local.domain()).isEqualTo("localhost:5000");
        assertThat(local.path()).isEqualTo("team/app");
        assertThat(local.tag()).isEqualTo("1");
        assertThat(local.familiarName()).isEqualTo("localhost:5000/team/app");

        ImageReference org = ImageReference.parse("myorg/app");
        assertThat(org.canonicalName()).isEqualTo("docker.io/myorg/app");
        assertThat(org.toString()).isEqualTo("myorg/app:latest");

        ImageReference byDigest = ImageReference.parse("ghcr.io/org/app@" + DIGEST);
        assertThat(byDigest.domain()).isEqualTo("ghcr.io");
        assertThat(byDigest.tag()).isNull();
        assertThat(byDigest.tagKey()).isNull();
        assertThat(byDigest.manifestReference()).isEqualTo(DIGEST);

        ImageReference both = ImageReference.parse("127.0.0.1:5000/x:2@" + DIGEST);
        assertThat(both.tag()).isEqualTo("2");
        assertThat(both.manifestReference()).isEqualTo(DIGEST);
        assertThat(both.toString()).isEqualTo("127.0.0.1:5000/x:2@" + DIGEST);
    }

    @Test
    void malformedReferencesAreRefusedNamingTheValue() {
        for (String bad : List.of("", "UPPER", "a//b", "/abs", "a/", "x:", "x:-tag", "a..b", "x@sha256:12",
                "x@md5:" + "a".repeat(32), "bad_host:99999x/app", "sha256", "builtin:busybox", "a".repeat(256))) {
            assertThatThrownBy(() -> ImageReference.parse(bad)).as(bad).isInstanceOf(ImageException.class)
                    .hasMessageContaining("'" + bad + "'");
            assertThat(ImageReference.isValid(bad)).as(bad).isFalse();
        }
    }
}
