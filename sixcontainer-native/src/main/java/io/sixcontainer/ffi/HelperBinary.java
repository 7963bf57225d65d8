package io.sixcontainer.ffi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the C helper: the binary named by the system property {@value #PATH_PROPERTY}, or
 * the one packaged in this jar, extracted once per version and content hash.
 *
 * <p>Extraction writes a temporary file in the target directory and renames it into place,
 * so concurrent JVMs never see a half-written helper; a file already there is used only
 * after its SHA-256 matches the packaged one, checked once and then remembered by a
 * {@link VerifiedStamp} until the file changes.
 */
public final class HelperBinary {

    /** System property naming an existing helper binary to use instead of the packaged one. */
    public static final String PATH_PROPERTY = "sixcontainer.helper";

    private static final String RESOURCE_DIR = "/io/sixcontainer/ffi/helper/";
    private static final String NAME = "sixc-helper";
    private static final Map<Path, Path> VERIFIED = new ConcurrentHashMap<>();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private HelperBinary() {
    }

    /**
     * Returns the path of a verified, executable helper.
     *
     * @param cacheDir directory that holds extracted helpers (created if missing); it should
     *                 be writable by root only, like the runtime root
     */
    public static Path locate(Path cacheDir) {
        String override = System.getProperty(PATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new IllegalStateException(PATH_PROPERTY + "=" + override + " is not an executable file");
            }
            return p;
        }
        return VERIFIED.computeIfAbsent(cacheDir.toAbsolutePath(), HelperBinary::extract);
    }

    private static Path extract(Path cacheDir) {
        String sha = packagedSha();
        Path target = cacheDir.resolve(NAME + "-" + version() + "-" + sha.substring(0, 16));
        try {
            Files.createDirectories(cacheDir);
            // The fast path of every JVM after the first: no inflating, no hashing.
            if (Files.isExecutable(target) && VerifiedStamp.matches(target, sha)) {
                return target;
            }
            byte[] binary = packagedBinary();
            if (!sha.equals(sha256(binary))) {
                throw new IllegalStateException("the packaged helper does not match its build-time SHA-256 " + sha);
            }
            if (Files.isRegularFile(target) && sha.equals(sha256(Files.readAllBytes(target)))
                    && Files.isExecutable(target)) {
                VerifiedStamp.write(target, sha);
                return target;
            }
            Path tmp = Files.createTempFile(cacheDir, "." + NAME + "-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(binary));
                    ch.force(true);
                }
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-xr-xr-x"));
                moveAtomically(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (!sha.equals(sha256(Files.readAllBytes(target)))) {
                throw new IllegalStateException("helper " + target + " does not match the packaged binary");
            }
            VerifiedStamp.write(target, sha);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the helper to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target + " cannot rename atomically", e);
        }
    }

    /**
     * The packaged helper's SHA-256 as the build wrote it beside the binary, or (a build
     * without that file) computed from the binary.
     */
    private static String packagedSha() {
        try (InputStream in = HelperBinary.class.getResourceAsStream(resource() + ".sha256")) {
            String sha = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return SHA256_HEX.matcher(sha).matches() ? sha : sha256(packagedBinary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource() + ".sha256", e);
        }
    }

    private static String resource() {
        return RESOURCE_DIR + "linux-" + System.getProperty("os.arch") + "/" + NAME;
    }

    private static byte[] packagedBinary() {
        String resource = resource();
        try (InputStream in = HelperBinary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no helper for this platform in the jar: " + resource
                        + " (set -D" + PATH_PROPERTY + "=/path/to/" + NAME + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The version of this library, as packaged. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = HelperBinary.class.getResourceAsStream("helper.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
