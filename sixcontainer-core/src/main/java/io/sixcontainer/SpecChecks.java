package io.sixcontainer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules {@link ContainerSpec} enforces when built beyond its process's
 * ({@link ProcessChecks}): root, name, namespaces and hostname, a detached container's streams;
 * and the string limits of the helper every spec shares.
 */
final class SpecChecks {

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})?");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

    static final int MAX_STRING_BYTES = 65535;

    private SpecChecks() {
    }

    static void string(String what, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidSpecException(what + " contains a NUL character: " + value.replace('\0', '?'));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            throw new InvalidSpecException(what + " is longer than " + MAX_STRING_BYTES + " bytes");
        }
    }

    static void image(String image) {
        string("image", image);
        if (image.isEmpty()) {
            throw new InvalidSpecException("image name is empty");
        }
    }

    /** The rootfs made absolute and normalised. */
    static Path rootfs(Path rootfs) {
        if (rootfs == null) {
            throw new InvalidSpecException("a rootfs directory or an image is required");
        }
        Path abs = rootfs.toAbsolutePath().normalize();
        string("rootfs", abs.toString());
        if (!Files.isDirectory(abs)) {
            throw new InvalidSpecException("rootfs is not a directory: " + abs);
        }
        return abs;
    }

    static void namespacesAndHostname(Set<Namespace> namespaces, String hostname) {
        if (!namespaces.contains(Namespace.MOUNT) || !namespaces.contains(Namespace.PID)) {
            throw new InvalidSpecException("namespaces must include MOUNT and PID: " + namespaces);
        }
        if (hostname != null) {
            if (!HOSTNAME.matcher(hostname).matches()) {
                throw new InvalidSpecException("invalid hostname '" + hostname
                        + "': 1-63 letters, digits, '.' or '-', starting with a letter or digit");
            }
            if (!namespaces.contains(Namespace.UTS)) {
                throw new InvalidSpecException("hostname '" + hostname + "' needs the UTS namespace");
            }
        }
    }

    /** Rejects names that are not 1-128 of {@code [a-zA-Z0-9_.-]} starting with a letter or digit. */
    static void name(String name) {
        if (!validName(name)) {
            throw new InvalidSpecException("invalid container name '" + name
                    + "': 1-128 characters of [a-zA-Z0-9_.-], starting with a letter or digit");
        }
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static void detachedStdio(boolean detached, ProcessSpec p) {
        if (!detached) {
            return;
        }
        Stdio stdin = p.stdin();
        Stdio stdout = p.stdout();
        Stdio stderr = p.stderr();
        if (p.tty()) {
            throw new InvalidSpecException("a detached container cannot have a terminal: its output goes to its log");
        }
        if (stdin.kind() != Stdio.Kind.DISCARD || stdout.kind() != Stdio.Kind.INHERIT
                || stderr.kind() != Stdio.Kind.INHERIT) {
            throw new InvalidSpecException("a detached container's output goes to its log and its stdin is"
                    + " /dev/null: leave stdin/stdout/stderr at their defaults (got " + stdin.kind() + "/"
                    + stdout.kind() + "/" + stderr.kind() + ")");
        }
    }
}
