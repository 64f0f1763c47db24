package vn.dossierpost.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every JSON request body is read through this, and reading more than the limit stops with
 * {@link TooLarge} (a 413), whatever Content-Length said or did not say (chunked bodies), before
 * Jackson has built anything big from it. Uploads are streamed to disk with limits of their own.
 */
public final class JsonBodyLimit implements ReaderInterceptor {
    /** The body is larger than the limit. */
    public static final class TooLarge extends RuntimeException {
        private final long limit;

        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final long limit;

    public JsonBodyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.getSubtype().endsWith("+json"))) {
            String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
                refuse(context.getInputStream());
            }
            context.setInputStream(new Bounded(context.getInputStream()));
        }
        return context.proceed();
    }

    /**
     * Reads and drops a bounded amount of what is still coming, so a client that is still sending
     * reads the 413 rather than a reset connection; past that the server closes the connection.
     */
    private TooLarge refuse(InputStream rest) {
        new RequestBody(rest).drain(4 * limit);
        throw new TooLarge(limit);
    }

    /** Counts what is read and stops past the limit. */
    private final class Bounded extends FilterInputStream {
        private long count;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                refuse(in);
            }
        }
    }
}
