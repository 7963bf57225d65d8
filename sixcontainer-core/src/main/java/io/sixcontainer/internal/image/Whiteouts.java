package io.sixcontainer.internal.image;

import io.sixcontainer.ffi.Libc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The two spellings of a deletion in a layer: OCI's ({@code .wh.NAME} files and
 * {@code .wh..wh..opq} markers in the tar) and overlayfs's (a 0/0 character device named
 * NAME, and the {@code trusted.overlay.opaque=y} xattr on a directory).
 */
final class Whiteouts {

    /** The OCI whiteout prefix. */
    static final String PREFIX = ".wh.";
    /** The OCI opaque-directory marker. */
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** Other {@code .wh..wh.} names are aufs bookkeeping (e.g. {@code .wh..wh.plnk}): never content. */
    static final String META_PREFIX = ".wh..wh.";
    /** The overlayfs xattr that makes a directory hide everything below it in lower layers. */
    static final String OPAQUE_XATTR = "trusted.overlay.opaque";

    private static final byte[] YES = "y".getBytes(StandardCharsets.US_ASCII);

    private Whiteouts() {
    }

    /** True for an overlayfs whiteout: a character device with device number 0/0. */
    static boolean isOverlayWhiteout(Lstat st) {
        return st.type() == Lstat.S_IFCHR && st.rdev() == 0L;
    }

    /** True when {@code dir} carries {@code trusted.overlay.opaque=y}. */
    static boolean isOpaque(Path dir) {
        return Arrays.equals(YES, Libc.lgetxattr(dir.toString(), OPAQUE_XATTR));
    }

    /** Marks {@code dir} opaque for overlayfs. */
    static void markOpaque(Path dir) {
        Libc.lsetxattr(dir.toString(), OPAQUE_XATTR, YES, 0);
    }

    /** Creates the overlayfs whiteout for a deleted {@code path}: a 0/0 character device. */
    static void createOverlayWhiteout(Path path) {
        Libc.mknod(path.toString(), Lstat.S_IFCHR, Libc.makedev(0, 0));
    }

}
