package io.sixcontainer.internal.state;

import io.sixcontainer.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record the helper monitor writes when the init ends ({@code containers/<id>/exit}:
 * {@code exit|signal N UNIX-NANOS} and a newline), so that an exit nobody watched is never
 * lost. Written to a temporary file and renamed, without fsync (see {@link StateStore}): one
 * that a power loss left empty or cut short reads as no record.
 *
 * @param status   how the command ended
 * @param finished when
 */
public record ExitRecord(ExitStatus status, Instant finished) {

    /** File name of the record in the container's directory. */
    public static final String FILE = "exit";

    private static final int MAX_EXIT_CODE = 255;
    private static final int MAX_SIGNAL = 64;
    private static final Pattern WHOLE = Pattern.compile("(exit|signal) (\\d{1,3}) (\\d{1,19})\n");

    /** Reads the record in {@code dir}, if the monitor has written one and it is whole. */
    public static Optional<ExitRecord> read(Path dir) {
        String content;
        try {
            content = Files.readString(dir.resolve(FILE), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        Matcher m = WHOLE.matcher(content);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean exited = m.group(1).equals("exit");
        int n = Integer.parseInt(m.group(2));
        long nanos;
        try {
            nanos = Long.parseLong(m.group(3));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
        // The monitor writes what waitpid gave it: anything else is damage, read like a torn record.
        if (exited ? n > MAX_EXIT_CODE : n < 1 || n > MAX_SIGNAL) {
            return Optional.empty();
        }
        return Optional.of(new ExitRecord(exited ? ExitStatus.exited(n) : ExitStatus.signaled(n),
                Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)));
    }

    /** True when {@code dir} holds an exit record file, whole or not. */
    public static boolean present(Path dir) {
        return Files.exists(dir.resolve(FILE));
    }
}
