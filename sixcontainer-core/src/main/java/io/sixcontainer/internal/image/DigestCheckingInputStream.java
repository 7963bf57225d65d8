package io.sixcontainer.internal.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob through while hashing it, and fails at its end when the bytes are not the ones
 * the archive's manifest names: a corrupt, truncated or swapped blob is caught before it
 * becomes a layer.
 */
public final class DigestCheckingInputStream extends FilterInputStream {

    private final String expected;
    private final String what;
    private final MessageDigest sha256 = Digests.sha256();
    private boolean checked;

    /**
     * @param expected the {@code sha256:<hex>} the bytes must have
     * @param what     names the blob in the error
     */
    public DigestCheckingInputStream(InputStream in, String expected, String what) {
        super(in);
        this.expected = expected;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            check();
        } else {
            sha256.update(buf, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return super.skip(0); // skipped bytes would escape the digest; callers read instead
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = Digests.format(sha256);
        if (!actual.equals(expected)) {
            throw new IOException(what + ": content does not match its digest (expected " + expected
                    + ", got " + actual + "); the archive is corrupt or truncated");
        }
    }
}
