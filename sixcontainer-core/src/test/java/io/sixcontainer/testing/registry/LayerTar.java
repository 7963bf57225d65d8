package io.sixcontainer.testing.registry;

import io.sixcontainer.internal.image.TarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** The uncompressed tar of one image layer, entry by entry, OCI whiteouts and file capabilities included. */
public final class LayerTar {

    /** vfs_cap_data revision 2 with the effective flag and CAP_NET_RAW permitted: {@code setcap cap_net_raw+ep}. */
    public static final byte[] CAP_NET_RAW_EP = {
        0x01, 0x00, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final TarBuilder tar = new TarBuilder();

    /** A base layer: {@code bin/busybox} (the host's static one) and an applet link per name in {@code applets}. */
    public static LayerTar busybox(String... applets) {
        LayerTar t = new LayerTar().dir("bin").dir("etc").dir("tmp", 01777).dir("proc").dir("sys").dir("dev");
        try {
            t.file("bin/busybox", Files.readAllBytes(Path.of("/bin/busybox")), 0755);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String a : applets) {
            t.symlink("bin/" + a, "busybox");
        }
        return t.file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nu:x:1000:1000::/tmp:/bin/sh\n", 0644)
                .file("etc/group", "root:x:0:\nu:x:1000:\n", 0644);
    }

    public LayerTar dir(String name) {
        return dir(name, 0755);
    }

    public LayerTar dir(String name, int mode) {
        tar.dir(name, mode);
        return this;
    }

    public LayerTar file(String name, String content) {
        return file(name, content, 0644);
    }

    public LayerTar file(String name, String content, int mode) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public LayerTar file(String name, byte[] content, int mode) {
        tar.file(name, content, mode);
        return this;
    }

    /**
     * A regular file carrying {@code security.capability} = {@code cap}, written as GNU tar
     * (SCHILY, raw) or as bsdtar (LIBARCHIVE, base64) do.
     */
    public LayerTar fileWithCapability(String name, byte[] content, byte[] cap, boolean libarchiveStyle) {
        tar.fileWithPax(name, content, libarchiveStyle
                ? Map.of("LIBARCHIVE.xattr.security.capability", Base64.getEncoder().encodeToString(cap))
                : Map.of("SCHILY.xattr.security.capability", new String(cap, StandardCharsets.UTF_8)));
        return this;
    }

    public LayerTar symlink(String name, String target) {
        tar.symlink(name, target);
        return this;
    }

    /** Deletes {@code path} of the layers below (an OCI whiteout {@code DIR/.wh.NAME}). */
    public LayerTar whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
        return file(name, "", 0644);
    }

    /** Hides everything the layers below have in {@code dir} (an OCI opaque whiteout). */
    public LayerTar opaque(String dir) {
        return file(dir + "/.wh..wh..opq", "", 0644);
    }

    /** The finished, uncompressed archive. */
    public byte[] bytes() {
        return tar.bytes();
    }
}
