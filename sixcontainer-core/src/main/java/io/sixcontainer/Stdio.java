package io.sixcontainer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one of a container's standard streams goes.
 *
 * @param kind what to connect
 * @param file the file for {@link Kind#FILE}, else null
 */
public record Stdio(Kind kind, Path file) {

    /** The ways a standard stream can be connected. */
    public enum Kind {
        /** The JVM's own descriptor 0, 1 or 2. */
        INHERIT,
        /** A pipe; the JVM end is {@link Container#stdin()}, {@link Container#stdout()} or {@link Container#stderr()}. */
        PIPE,
        /** A host file, appended to (output) or read (input). */
        FILE,
        /** {@code /dev/null}. */
        DISCARD
    }

    /** Validates the pair. */
    public Stdio {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FILE) != (file != null)) {
            throw new InvalidSpecException("a file is given exactly for Stdio.Kind.FILE, got " + kind + " with " + file);
        }
    }

    /** The JVM's own stream. */
    public static Stdio inherit() {
        return new Stdio(Kind.INHERIT, null);
    }

    /** A pipe to or from the JVM, to capture output or feed input. */
    public static Stdio pipe() {
        return new Stdio(Kind.PIPE, null);
    }

    /** A host file: output is appended to it (created 0644 if missing), input is read from it. */
    public static Stdio file(Path file) {
        return new Stdio(Kind.FILE, Objects.requireNonNull(file, "file").toAbsolutePath());
    }

    /** {@code /dev/null}. */
    public static Stdio discard() {
        return new Stdio(Kind.DISCARD, null);
    }
}
