package vn.dossierpost.http;

import java.io.IOException;
import java.io.InputStream;
import vn.dossierpost.api.UploadResult;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.DigitisationService;

/**
 * Scans of one document of a dossier arriving as a multipart body, handed to {@link
 * DigitisationService#upload} as they come off the wire. The JSON API (an upload, a supplement with
 * its scans) and the counter's dossier page take scans through here, so both answer alike.
 */
public final class ScanUpload {
    private ScanUpload() {}

    /**
     * How much of a refused upload is still read so the client sees the answer: the dossier's limit
     * and a little room for the multipart headers.
     */
    public static long drainLimit(long maxDossierBytes) {
        return maxDossierBytes + (1 << 20);
    }

    /** Reads a multipart body of scans for one document of the dossier; a refusal drains what the client still sends. */
    public static UploadResult receive(
            DigitisationService digitisation,
            long drainLimit,
            User clerk,
            String code,
            String componentCode,
            String contentType,
            Long contentLength,
            String expect,
            InputStream entity)
            throws IOException {
        RequestBody body = new RequestBody(entity);
        try {
            return digitisation.upload(
                    clerk, code, componentCode, contentLength, MultipartFiles.open(contentType, body));
        } catch (Problem p) {
            // A client waiting for "100 Continue" has sent nothing yet: it gets the refusal without sending.
            boolean waitingToSend = expect != null && expect.equalsIgnoreCase("100-continue") && body.count() == 0;
            if (!waitingToSend) {
                body.drain(drainLimit);
            }
            throw p;
        } catch (RequestBody.CutOff e) {
            throw Problem.malformed("body", e.getMessage());
        }
    }
}
