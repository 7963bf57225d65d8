package io.sixcontainer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory or file mounted into a container ({@code -v host:container[:ro|rw]}).
 * The target is resolved inside the container's root without ever following a symlink out
 * of it, and missing target directories are created inside the root. A read-only volume is
 * a non-recursive bind remounted read-only, so nothing under it is writable; a read-write
 * volume is a recursive bind. The host's data stays when the container is removed.
 *
 * @param source        the host path (absolute)
 * @param target        the path inside the container (absolute, not {@code /})
 * @param readOnly      mounted read-only
 * @param createSource  create the source directory if it does not exist (otherwise a missing
 *                      source fails the launch)
 */
public record Volume(Path source, String target, boolean readOnly, boolean createSource) {

    /** Validates; see the record description. */
    public Volume {
        Objects.requireNonNull(source, "volume source");
        Objects.requireNonNull(target, "volume target");
        if (!source.isAbsolute()) {
            throw new InvalidSpecException("volume source must be an absolute path: " + source);
        }
        source = source.normalize();
        SpecChecks.string("volume source", source.toString());
        if (!target.startsWith("/") || Path.of(target).normalize().toString().equals("/")) {
            throw new InvalidSpecException("volume target must be an absolute path other than /: '" + target + "'");
        }
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                throw new InvalidSpecException("volume target must not contain '..': '" + target + "'");
            }
        }
        SpecChecks.string("volume target", target);
    }

    /** A read-write volume of an existing host path. */
    public static Volume bind(Path source, String target) {
        return new Volume(source, target, false, false);
    }

    /** A read-only volume of an existing host path. */
    public static Volume readOnly(Path source, String target) {
        return new Volume(source, target, true, false);
    }

    /** This volume, read-only. */
    public Volume asReadOnly() {
        return new Volume(source, target, true, createSource);
    }

    /** This volume, its source directory created on launch if missing. */
    public Volume creatingSource() {
        return new Volume(source, target, readOnly, true);
    }

    /**
     * Parses docker's {@code HOST:CONTAINER[:ro|rw]}; a relative {@code HOST} is taken from
     * the current directory, and a missing one is created (as docker does).
     *
     * @throws InvalidSpecException naming the value if it is not of that form
     */
    public static Volume parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new InvalidSpecException("invalid volume '" + spec + "': expected HOST:CONTAINER[:ro|rw]");
        }
        boolean ro = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                throw new InvalidSpecException("invalid volume '" + spec + "': the mode is ro or rw, not '" + parts[2] + "'");
            }
            ro = parts[2].equals("ro");
        }
        return new Volume(Path.of(parts[0]).toAbsolutePath(), parts[1], ro, true);
    }
}
