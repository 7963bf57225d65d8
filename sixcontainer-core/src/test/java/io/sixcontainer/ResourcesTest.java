package io.sixcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourcesTest {

    @ParameterizedTest
    @CsvSource({
        "4096, 4096",
        "512k, 524288",
        "100m, 104857600",
        "100M, 104857600",
        "100mb, 104857600",
        "100MiB, 104857600",
        "1g, 1073741824",
        "1.5g, 1610612736",
        "2t, 2199023255552",
        "10b, 10",
    })
    void parsesSizes(String text, long bytes) {
        assertThat(Resources.parseSize(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "-1m", "1x", "1 g b", "0x10", "1e9", "99999999p"})
    void rejectsBadSizesNamingThem(String text) {
        assertThatThrownBy(() -> Resources.parseSize(text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "1, 1", "1024, 100", "2000, 170", "262144, 10000", "300000, 10000"})
    void convertsSharesToWeightLikeRunc(long shares, long weight) {
        // runc >= 1.3.2 (opencontainers/runc#4785); 2000 -> 170 is runc issue #4896's example.
        assertThat(Resources.cpuWeightOfShares(shares)).isEqualTo(weight);
    }

    @Test
    void cpusBecomeAQuotaPerPeriod() {
        Resources r = Resources.builder().cpus(1.5).build();
        assertThat(r.cpuQuotaMicros()).hasValue(150_000);
        assertThat(Resources.CPU_PERIOD_MICROS).isEqualTo(100_000);
    }

    @Test
    void defaultsToNoLimitsUnderTheDefaultParent() {
        assertThat(Resources.none().isEmpty()).isTrue();
        assertThat(Resources.none().cgroupParent()).isEqualTo("sixcontainer");
        ContainerSpec spec = ContainerSpec.builder().rootfs(Path.of("/")).command("true").build();
        assertThat(spec.resources()).isEqualTo(Resources.none());
    }

    @Test
    void toBuilderCopiesEverything() {
        Resources a = Resources.builder().memory(64L << 20).memorySwap(-1).cpuShares(512).cpus(0.5)
                .cpusetCpus("0").cpusetMems("0").pidsMax(10).cgroupParent("/ci/jobs").build();
        assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().pidsMax(11).build()).isNotEqualTo(a);
        assertThat(a.toString()).contains("memory=67108864", "pidsMax=10", "cgroupParent=/ci/jobs");
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertRejected(Resources.builder().memory(1024), "1024");
        assertRejected(Resources.builder().memorySwap(100L << 20), "needs a memory limit");
        assertRejected(Resources.builder().memory(100L << 20).memorySwap(50L << 20), "52428800");
        assertRejected(Resources.builder().memory(100L << 20).memorySwap(-2), "-2");
        assertRejected(Resources.builder().cpuShares(1), "cpuShares 1");
        assertRejected(Resources.builder().cpuShares(262145), "262145");
        assertRejected(Resources.builder().cpus(0.001), "0.001");
        assertRejected(Resources.builder().cpus(Double.NaN), "NaN");
        assertRejected(Resources.builder().cpusetCpus("0-"), "'0-'");
        assertRejected(Resources.builder().cpusetCpus("3-1"), "3-1");
        assertRejected(Resources.builder().cpusetMems("a"), "'a'");
        assertRejected(Resources.builder().pidsMax(0), "pidsMax 0");
        assertRejected(Resources.builder().cgroupParent("../escape"), "../escape");
        assertRejected(Resources.builder().cgroupParent("a/../b"), "a/../b");
        assertRejected(Resources.builder().cgroupParent(""), "''");
    }

    private static void assertRejected(Resources.Builder b, String named) {
        assertThatThrownBy(b::build).isInstanceOf(InvalidSpecException.class).hasMessageContaining(named);
    }
}
