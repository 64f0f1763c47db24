package vn.dossierpost.resources;

import jakarta.ws.rs.core.Response;

/** A PDF the service drew (a slip, a handover record), shown in the browser under a file name it can be saved as. */
final class PdfResponse {
    private PdfResponse() {}

    /** @param fileName ASCII, e.g. {@code phieu-gui-<code>.pdf} */
    static Response of(byte[] pdf, String fileName) {
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .build();
    }
}
