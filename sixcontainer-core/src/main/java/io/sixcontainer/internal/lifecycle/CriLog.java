package io.sixcontainer.internal.lifecycle;

import io.sixcontainer.ContainerException;
import io.sixcontainer.LogEntry;
import io.sixcontainer.LogQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads the log the helper monitor writes for a detached container, in the CRI format
 * {@code <RFC3339Nano> <stdout|stderr> <F|P> <bytes>\n} (see logger.h).
 */
final class CriLog {

    private static final long FOLLOW_POLL_MILLIS = 100;

    private CriLog() {
    }

    /** The entries matching {@code query}. */
    static List<LogEntry> read(Path file, LogQuery query) {
        Reader r = new Reader(file);
        List<LogEntry> all = new ArrayList<>();
        r.readAvailable(e -> {
            if (matches(e, query)) {
                all.add(e);
            }
        });
        return query.tail() >= 0 && all.size() > query.tail() ? all.subList(all.size() - query.tail(), all.size()) : all;
    }

    /**
     * Delivers the entries matching {@code query}, then new ones as they are written, until
     * {@code running} turns false and the log has no more.
     */
    static void follow(Path file, LogQuery query, Consumer<LogEntry> sink, BooleanSupplier running) {
        Reader r = new Reader(file);
        Deque<LogEntry> first = new ArrayDeque<>();
        r.readAvailable(e -> {
            if (matches(e, query)) {
                first.add(e);
                if (query.tail() >= 0 && first.size() > query.tail()) {
                    first.removeFirst();
                }
            }
        });
        first.forEach(sink);
        Consumer<LogEntry> filtered = e -> {
            if (matches(e, query)) {
                sink.accept(e);
            }
        };
        while (true) {
            boolean wasRunning = running.getAsBoolean();
            if (!r.readAvailable(filtered) && !wasRunning) {
                return;
            }
            try {
                Thread.sleep(FOLLOW_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean matches(LogEntry e, LogQuery q) {
        return (e.stderr() ? q.stderr() : q.stdout()) && (q.since() == null || !e.time().isBefore(q.since()));
    }

    /** Parses complete lines from where it stopped last time. */
    private static final class Reader {
        private final Path file;
        private long offset;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Reader(Path file) {
            this.file = file;
        }

        /** Delivers every complete line written since the last call; true if there were any. */
        boolean readAvailable(Consumer<LogEntry> sink) {
            boolean any = false;
            try (FileChannel ch = FileChannel.open(file)) {
                ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                int n;
                while ((n = ch.read(buf, offset)) > 0) {
                    offset += n;
                    byte[] chunk = Arrays.copyOf(buf.array(), n);
                    buf.clear();
                    int start = 0;
                    for (int i = 0; i < chunk.length; i++) {
                        if (chunk[i] == '\n') {
                            pending.write(chunk, start, i - start);
                            sink.accept(parse(pending.toByteArray()));
                            pending.reset();
                            any = true;
                            start = i + 1;
                        }
                    }
                    pending.write(chunk, start, chunk.length - start);
                }
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new ContainerException("cannot read log " + file + ": " + e.getMessage(), e);
            }
            return any;
        }

        private LogEntry parse(byte[] line) {
            int s1 = indexOf(line, 0);
            int s2 = s1 < 0 ? -1 : indexOf(line, s1 + 1);
            int s3 = s2 < 0 ? -1 : indexOf(line, s2 + 1);
            if (s3 < 0) {
                throw new ContainerException("malformed line in log " + file + ": "
                        + new String(line, StandardCharsets.UTF_8));
            }
            Instant time = Instant.parse(new String(line, 0, s1, StandardCharsets.US_ASCII));
            boolean stderr = new String(line, s1 + 1, s2 - s1 - 1, StandardCharsets.US_ASCII).equals("stderr");
            boolean partial = line[s2 + 1] == 'P';
            return new LogEntry(time, stderr, Arrays.copyOfRange(line, s3 + 1, line.length), partial);
        }

        private static int indexOf(byte[] b, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == ' ') {
                    return i;
                }
            }
            return -1;
        }
    }
}
