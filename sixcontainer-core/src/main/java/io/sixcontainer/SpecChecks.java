package io.sixcontainer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules {@link ContainerSpec} and {@link ExecSpec} enforce when built: argv, environment
 * and working directory (the helper's limits), streams, root, namespaces and hostname.
 */
final class SpecChecks {

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})?");

    static final int MAX_ARGS = 4096;
    static final int MAX_ENV = 4096;
    static final int MAX_STRING_BYTES = 65535;

    private SpecChecks() {
    }

    static void command(List<String> command) {
        if (command.isEmpty()) {
            throw new InvalidSpecException("command is required");
        }
        if (command.size() > MAX_ARGS) {
            throw new InvalidSpecException("command has " + command.size() + " arguments; at most " + MAX_ARGS);
        }
        if (command.getFirst().isEmpty()) {
            throw new InvalidSpecException("command: the program name is empty");
        }
        command.forEach(a -> string("command argument", a));
    }

    static void env(Map<String, String> env) {
        if (env.size() > MAX_ENV) {
            throw new InvalidSpecException("env has " + env.size() + " variables; at most " + MAX_ENV);
        }
        env.forEach((k, v) -> {
            if (k.isEmpty() || k.indexOf('=') >= 0) {
                throw new InvalidSpecException("env: invalid variable name '" + k + "'");
            }
            string("env variable " + k, k + "=" + v);
        });
    }

    static void workingDir(String workingDir) {
        if (workingDir == null || !workingDir.startsWith("/")) {
            throw new InvalidSpecException("workingDir must be an absolute path: " + workingDir);
        }
        string("workingDir", workingDir);
    }

    static void string(String what, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidSpecException(what + " contains a NUL character: " + value.replace('\0', '?'));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
            throw new InvalidSpecException(what + " is longer than " + MAX_STRING_BYTES + " bytes");
        }
    }

    static void stdinFile(Stdio stdin) {
        if (stdin.kind() == Stdio.Kind.FILE && !Files.isRegularFile(stdin.file())) {
            throw new InvalidSpecException("stdin file does not exist: " + stdin.file());
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

    static void detachedStdio(boolean detached, boolean tty, Stdio stdin, Stdio stdout, Stdio stderr) {
        if (!detached) {
            return;
        }
        if (tty) {
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
