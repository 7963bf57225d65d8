package io.sixcontainer.internal.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that tells a finished archive from a cut one. Commons Compress treats a stream
 * that simply stops between entries as the end of the archive; a complete tar ends with a zero
 * block, so a stream that stops before any zero block was truncated.
 */
final class StrictTarInputStream extends TarArchiveInputStream {

    private boolean sawZeroRecord;

    StrictTarInputStream(InputStream in) {
        super(in);
    }

    @Override
    protected boolean isEOFRecord(byte[] record) {
        boolean eof = super.isEOFRecord(record);
        if (eof && record != null) {
            sawZeroRecord = true;
        }
        return eof;
    }

    @Override
    protected byte[] readRecord() throws IOException {
        byte[] record = super.readRecord();
        if (record == null && !sawZeroRecord) {
            throw new EOFException("truncated: the archive ends without its end-of-archive blocks");
        }
        return record;
    }
}
