package io.sixcontainer.internal.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** OCI content digests: {@code sha256:<64 lowercase hex>}. */
public final class Digests {

    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    private Digests() {
    }

    /** A fresh SHA-256 digest (every JDK has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** {@code sha256:<hex>} of a finished digest. */
    public static String format(MessageDigest sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    /** True for a well-formed {@code sha256:<64 hex>}; anything else is refused before it becomes a path. */
    public static boolean isSha256(String digest) {
        return digest != null && SHA256.matcher(digest).matches();
    }

    /** The hex part of a well-formed digest. */
    public static String hex(String digest) {
        return digest.substring("sha256:".length());
    }
}
