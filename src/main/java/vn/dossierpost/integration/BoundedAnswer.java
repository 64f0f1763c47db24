package vn.dossierpost.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The text of an answer from a system we call (an agency, the SMS gateway), read up to a limit: a
 * receipt or an error is a few hundred bytes, and an endless or enormous answer must not fill the
 * heap. More than the limit is a failed call (tried again, then a dead letter), not a crash.
 */
final class BoundedAnswer {
    private BoundedAnswer() {}

    static String text(ResponseBody body, long maxBytes) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        Buffer read = new Buffer();
        while (read.size() <= maxBytes) {
            if (source.read(read, 64 * 1024) < 0) {
                return read.readString(StandardCharsets.UTF_8);
            }
        }
        throw new IOException("the answer is larger than " + maxBytes + " bytes (limits.maxAgencyAnswer)");
    }
}
