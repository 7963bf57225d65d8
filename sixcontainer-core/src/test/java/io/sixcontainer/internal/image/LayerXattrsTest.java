package io.sixcontainer.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.sixcontainer.ffi.Libc;
import io.sixcontainer.testing.RootRequired;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PAX xattrs of layer entries that reach the extracted files, and the ones that must not. */
class LayerXattrsTest {

    static final byte[] CAP_NET_RAW_EP = io.sixcontainer.testing.registry.LayerTar.CAP_NET_RAW_EP;

    @TempDir
    Path tmp;

    @Test
    void fileCapabilitiesAndUserXattrsAreAppliedOverlayAndTrustedOnesAreNot() throws Exception {
        RootRequired.assumeRoot();
        Map<String, String> pax = new LinkedHashMap<>();
        pax.put("SCHILY.xattr.security.capability", new String(CAP_NET_RAW_EP, StandardCharsets.UTF_8));
        pax.put("SCHILY.xattr.user.note", "from gnu tar");
        pax.put("LIBARCHIVE.xattr.user.binary", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0, 1}));
        pax.put("SCHILY.xattr.trusted.overlay.opaque", "y");
        pax.put("SCHILY.xattr.user.overlay.redirect", "/etc");
        pax.put("SCHILY.xattr.security.selinux", "system_u:object_r:shadow_t:s0");
        byte[] tar = new TarBuilder().dir("bin").fileWithPax("bin/ping", "#!", pax).bytes();
        Path layer = Files.createDirectory(tmp.resolve("layer"));

        LayerExtractor.extract(new ByteArrayInputStream(tar), layer, "caps.tar");

        String ping = layer.resolve("bin/ping").toString();
        assertThat(Libc.lgetxattr(ping, "security.capability")).containsExactly(CAP_NET_RAW_EP);
        assertThat(Libc.lgetxattr(ping, "user.note")).asString(StandardCharsets.UTF_8).isEqualTo("from gnu tar");
        assertThat(Libc.lgetxattr(ping, "user.binary")).containsExactly((byte) 0xff, 0, 1);
        assertThat(Libc.lgetxattr(ping, "trusted.overlay.opaque")).isNull();
        assertThat(Libc.lgetxattr(ping, "user.overlay.redirect")).isNull();
        assertThat(Libc.lgetxattr(ping, "security.selinux")).isNull();
    }

    @Test
    void committingALayerKeepsItsFileCapabilitiesInBothSpellings() throws Exception {
        RootRequired.assumeRoot();
        byte[] setuidCap = CAP_NET_RAW_EP.clone();
        setuidCap[4] = (byte) 0x80; // CAP_SETUID too: a byte that is not UTF-8 on its own
        Path layer = Files.createDirectory(tmp.resolve("caps"));
        Files.writeString(layer.resolve("ping"), "p");
        Files.writeString(layer.resolve("su"), "s");
        Libc.lsetxattr(layer.resolve("ping").toString(), "security.capability", CAP_NET_RAW_EP, 0);
        Libc.lsetxattr(layer.resolve("su").toString(), "security.capability", setuidCap, 0);

        byte[] archived = LayerRoundTripTest.archive(layer);

        var entries = LayerRoundTripTest.entries(archived);
        assertThat(entries.get("ping").getExtraPaxHeaders())
                .containsKeys("SCHILY.xattr.security.capability", "LIBARCHIVE.xattr.security.capability");
        assertThat(entries.get("su").getExtraPaxHeaders())
                .containsKey("LIBARCHIVE.xattr.security.capability")
                .doesNotContainKey("SCHILY.xattr.security.capability");
        Path again = Files.createDirectory(tmp.resolve("again"));
        LayerExtractor.extract(new ByteArrayInputStream(archived), again, "committed.tar");
        assertThat(Libc.lgetxattr(again.resolve("ping").toString(), "security.capability")).containsExactly(CAP_NET_RAW_EP);
        assertThat(Libc.lgetxattr(again.resolve("su").toString(), "security.capability")).containsExactly(setuidCap);
    }

    @Test
    void aValueThatWasNotUtf8IsSkippedNotCorrupted() {
        RootRequired.assumeRoot();
        Map<String, String> pax = Map.of("SCHILY.xattr.user.bad", "a\uFFFDb");
        byte[] tar = new TarBuilder().fileWithPax("f", "x", pax).bytes();
        Path layer = tmp.resolve("layer2");

        LayerExtractor.extract(new ByteArrayInputStream(tar), createDir(layer), "bad.tar");

        assertThat(Libc.lgetxattr(layer.resolve("f").toString(), "user.bad")).isNull();
    }

    private static Path createDir(Path p) {
        try {
            return Files.createDirectory(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
