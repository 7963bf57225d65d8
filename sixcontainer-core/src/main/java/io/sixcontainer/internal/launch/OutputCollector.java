package io.sixcontainer.internal.launch;

import io.sixcontainer.ContainerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Drains one output stream on a platform thread (reads block in native code) into a string. */
public final class OutputCollector {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Thread thread;
    private IOException failure;

    private OutputCollector() {
    }

    /** Starts draining {@code in}; {@code label} names the thread. */
    public static OutputCollector start(InputStream in, String label) {
        OutputCollector c = new OutputCollector();
        c.thread = Thread.ofPlatform().daemon().name("sixc-collect-" + label).start(() -> {
            try {
                in.transferTo(c.buffer);
            } catch (IOException e) {
                c.failure = e;
            }
        });
        return c;
    }

    /**
     * Everything read, once the stream has ended.
     *
     * @param within how long to wait for the end of the stream
     * @param what   names the process whose output this is, for the error
     * @throws ContainerException if the stream is still open then (a process started in the
     *                            background holds it); the reader finishes on its own later
     */
    public String text(java.time.Duration within, String what) {
        try {
            if (!thread.join(within)) {
                throw new ContainerException(what + " has ended, but its output was still open " + within
                        + " later: a process it started in the background holds it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while collecting output", e);
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
