package io.sixcontainer.internal.state;

import io.sixcontainer.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The record the helper monitor writes when the init ends ({@code containers/<id>/exit}:
 * {@code exit|signal N UNIX-NANOS}), so that an exit nobody watched is never lost.
 *
 * @param status   how the command ended
 * @param finished when
 */
public record ExitRecord(ExitStatus status, Instant finished) {

    /** File name of the record in the container's directory. */
    public static final String FILE = "exit";

    /** Reads the record in {@code dir}, if the monitor has written one. */
    public static Optional<ExitRecord> read(Path dir) {
        String line;
        try {
            line = Files.readString(dir.resolve(FILE)).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        String[] f = line.split(" ");
        if (f.length != 3 || !(f[0].equals("exit") || f[0].equals("signal"))) {
            throw new IllegalStateException("malformed exit record in " + dir + ": '" + line + "'");
        }
        int n = Integer.parseInt(f[1]);
        long nanos = Long.parseLong(f[2]);
        return Optional.of(new ExitRecord(f[0].equals("exit") ? ExitStatus.exited(n) : ExitStatus.signaled(n),
                Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)));
    }
}
