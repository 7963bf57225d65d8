package io.sixcontainer.ffi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * Remembers that an extracted helper was hashed and found good, so that the next JVM (each
 * {@code sixc} call is one) need not hash 800 KB again: a file {@code NAME.verified} beside it
 * holds the expected SHA-256 and the helper's inode, size, mode and change time (ctime, in
 * nanoseconds) as they were when it was verified. Any write, chmod, chown or replacement of
 * the helper changes its ctime or inode, so a stale stamp never matches and the file is hashed
 * again. This guards against accidents, not against root: the directory is root's alone, and
 * whoever can write there could replace the stamp too.
 */
final class VerifiedStamp {

    private static final String SUFFIX = ".verified";
    private static final String ATTRIBUTES = "unix:ino,size,mode,ctime";

    private VerifiedStamp() {
    }

    /** True if {@code helper} is unchanged since it was stamped as having the SHA-256 {@code sha}. */
    static boolean matches(Path helper, String sha) {
        try {
            String stamp = Files.readString(stampOf(helper), StandardCharsets.US_ASCII);
            return stamp.equals(describe(helper, sha));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            // An unreadable stamp only costs a fresh hash.
            return false;
        }
    }

    /** Records that {@code helper}, as it is now, was found to have the SHA-256 {@code sha}. */
    static void write(Path helper, String sha) throws IOException {
        Path stamp = stampOf(helper);
        Path tmp = Files.createTempFile(helper.getParent(), "." + helper.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, describe(helper, sha), StandardCharsets.US_ASCII);
            Files.move(tmp, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + stamp + " cannot rename atomically", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Path stampOf(Path helper) {
        return helper.resolveSibling(helper.getFileName() + SUFFIX);
    }

    private static String describe(Path helper, String sha) throws IOException {
        Map<String, Object> a = Files.readAttributes(helper, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return "sha256=" + sha + " ino=" + a.get("ino") + " size=" + a.get("size")
                + " mode=" + Integer.toOctalString((Integer) a.get("mode"))
                + " ctime=" + ((FileTime) a.get("ctime")).toInstant() + "\n";
    }
}
