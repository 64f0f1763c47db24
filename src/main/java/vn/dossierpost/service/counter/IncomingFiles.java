package vn.dossierpost.service.counter;

import java.io.IOException;
import java.io.InputStream;

/**
 * The files of an upload, one at a time as they come off the wire (a streaming multipart body).
 * Each file's content must be read, or left, before the next is asked for.
 */
public interface IncomingFiles {

    /** The next file, or null after the last. */
    IncomingFile next() throws IOException;

    /**
     * One part of the upload. {@code fileName} is exactly what the client sent (null for a part
     * without one); it is checked, and only ever stored in the database, never used as a path.
     */
    record IncomingFile(int index, String fieldName, String fileName, InputStream content) {}
}
