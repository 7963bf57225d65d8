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

    /** Everything read, once the stream has ended. */
    public String text() {
        try {
            thread.join();
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
