package vn.dossierpost.agencysim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A dossier as the agency first received it, for tests to look at: its idempotency key
 * ({@code <dossierCode>/<handoverNo>}), the applicant's name and the file names exactly as they came
 * (over HTTP, each part's {@code filename}; by file drop, the manifest's names; in manifest order), and
 * the receipt given.
 */
public record Delivery(
        String key,
        String dossierCode,
        String handoverNo,
        String applicantName,
        List<String> fileNames,
        Receipt receipt) {

    public Delivery {
        fileNames = Collections.unmodifiableList(new ArrayList<>(fileNames)); // null where a part came without one
    }
}
