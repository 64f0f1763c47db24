package vn.dossierpost.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw request body, counting what was read and telling a failed read (the client went away, or
 * stopped sending) apart from a failure of our own (the disk), which it does not see.
 */
public final class RequestBody extends FilterInputStream {
    /** A read from the client failed: the upload was cut off. */
    public static final class CutOff extends IOException {
        CutOff(long after, IOException cause) {
            super("the upload was cut off after " + after + " bytes: " + cause.getMessage(), cause);
        }
    }

    private long count;

    public RequestBody(InputStream in) {
        super(in);
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        } catch (IOException e) {
            throw new CutOff(count, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        } catch (IOException e) {
            throw new CutOff(count, e);
        }
    }

    /**
     * Reads and drops the rest of the body, at most {@code limit} bytes, so a client that is still
     * sending gets to read our refusal instead of a reset connection. Past the limit, or if the
     * client is gone, it stops: the server then closes the connection.
     */
    public void drain(long limit) {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        try {
            int n;
            while (drained < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - drained))) > 0) {
                drained += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone; nothing to answer
        }
    }
}
