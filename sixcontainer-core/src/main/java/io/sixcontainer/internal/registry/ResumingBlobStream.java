package io.sixcontainer.internal.registry;

import io.sixcontainer.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.function.LongConsumer;

/**
 * A blob's bytes from the registry, exactly its descriptor's size of them: when the connection
 * drops (an error, or an end before the size) the download goes on with {@code Range} from the
 * first missing byte, a bounded number of times. The digest is checked by the caller over what
 * this returns, so bytes of a resumed response that differ from the first are caught.
 */
final class ResumingBlobStream extends InputStream {

    static final int MAX_RESUMES = 5;

    private final RegistrySession session;
    private final Descriptor blob;
    private final LongConsumer progress;
    private final Runnable resuming;
    private InputStream current;
    private long position;
    private int resumes;

    /**
     * @param progress told the byte count as it grows
     * @param resuming told before each resumed request
     */
    ResumingBlobStream(RegistrySession session, Descriptor blob, LongConsumer progress, Runnable resuming) {
        this.session = session;
        this.blob = blob;
        this.progress = progress;
        this.resuming = resuming;
        this.current = open(0);
    }

    private InputStream open(long from) {
        HttpResponse<InputStream> r = session.get("blobs/" + blob.digest(), null, from);
        int status = r.statusCode();
        if (from == 0 && status == 200) {
            return r.body();
        }
        if (from > 0 && status == 206) {
            String range = r.headers().firstValue("Content-Range").orElse("");
            if (!range.startsWith("bytes " + from + "-")) {
                RegistrySession.close(r);
                throw new ImageException("blob " + blob.digest() + ": the registry resumed at '" + range
                        + "', not at byte " + from);
            }
            return r.body();
        }
        if (from > 0 && status == 200) {
            // The server ignored Range: read again up to where we were.
            InputStream in = r.body();
            try {
                in.skipNBytes(from);
            } catch (IOException e) {
                RegistrySession.close(r);
                throw new ImageException("blob " + blob.digest() + ": " + RegistrySession.describe(e), e);
            }
            return in;
        }
        if (status == 404) {
            RegistrySession.close(r);
            throw new ImageException("blob unknown: " + session.domain() + " has no " + blob.digest());
        }
        if (status == 416) {
            RegistrySession.close(r);
            throw new ImageException("blob " + blob.digest() + " is truncated: the registry has fewer than "
                    + blob.size() + " bytes of it");
        }
        throw session.failure("GET blob " + blob.digest(), r);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (position == blob.size()) {
                // Whatever follows the announced size is not part of the blob.
                return -1;
            }
            int n;
            try {
                n = current.read(buf, off, (int) Math.min(len, blob.size() - position));
            } catch (IOException e) {
                resume(e);
                continue;
            }
            if (n < 0) {
                resume(new IOException("the connection ended at byte " + position + " of " + blob.size()));
                continue;
            }
            position += n;
            progress.accept(position);
            return n;
        }
    }

    private void resume(IOException cause) throws IOException {
        try {
            current.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        if (resumes == MAX_RESUMES || Thread.currentThread().isInterrupted()) {
            throw new IOException("blob " + blob.digest() + ": the download failed " + (resumes + 1) + " times, last: "
                    + RegistrySession.describe(cause), cause);
        }
        resumes++;
        resuming.run();
        try {
            Thread.sleep(100L * resumes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            current = open(position);
        } catch (ImageException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** How many times the download went on after a drop. */
    int resumes() {
        return resumes;
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
