package io.sixcontainer.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.sixcontainer.ImageException;
import java.util.regex.Pattern;

/**
 * An OCI platform {@code os/architecture[/variant]} (Go's names: {@code linux/amd64},
 * {@code linux/arm64/v8}, {@code linux/arm/v7}), chosen from an image index.
 *
 * @param os           the operating system
 * @param architecture the CPU architecture
 * @param variant      the CPU variant, or null for any
 */
public record Platform(String os, String architecture, String variant) {

    private static final Pattern PART = Pattern.compile("[a-z0-9_.-]{1,32}");

    /** The platform of this JVM's machine. */
    public static Platform host() {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "arm" -> "arm";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case String other -> other;
        };
        return new Platform("linux", arch, null);
    }

    /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm64}. */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new ImageException("invalid platform '" + text + "': expected os/architecture[/variant],"
                    + " e.g. linux/arm64");
        }
        for (String p : parts) {
            if (!PART.matcher(p).matches()) {
                throw new ImageException("invalid platform '" + text + "': '" + p + "' is not a platform name");
            }
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /**
     * How well an index entry's {@code platform} object fits: -1 not at all, 0 os and
     * architecture only, 1 also the variant. arm64's default variant is v8, so "v8" and none match.
     */
    int score(JsonNode platform) {
        if (!os.equals(platform.path("os").asText()) || !architecture.equals(platform.path("architecture").asText())) {
            return -1;
        }
        String theirs = normalVariant(architecture, platform.path("variant").asText(null));
        String ours = normalVariant(architecture, variant);
        if (ours == null) {
            return theirs == null ? 1 : 0;
        }
        if (ours.equals(theirs)) {
            return 1;
        }
        return theirs == null ? 0 : -1;
    }

    private static String normalVariant(String arch, String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        return arch.equals("arm64") && v.equals("v8") ? null : v;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}
