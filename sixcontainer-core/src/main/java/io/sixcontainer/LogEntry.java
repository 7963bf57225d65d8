package io.sixcontainer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One entry of a detached container's log: a line (or, when {@link #partial()}, a piece of
 * one) that the container wrote to stdout or stderr, with the time it was written.
 *
 * @param time    when the monitor read it
 * @param stderr  true for stderr, false for stdout
 * @param content the bytes, without the line's newline
 * @param partial true when the line goes on in the next entry of the same stream (a long
 *                line, or a last line without a newline)
 */
public record LogEntry(Instant time, boolean stderr, byte[] content, boolean partial) {

    /** The content decoded as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The bytes as the container wrote them: the content plus its newline unless partial. */
    public byte[] rawBytes() {
        if (partial) {
            return content.clone();
        }
        byte[] out = java.util.Arrays.copyOf(content, content.length + 1);
        out[content.length] = '\n';
        return out;
    }
}
