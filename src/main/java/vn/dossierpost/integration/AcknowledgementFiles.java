package vn.dossierpost.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.dossierpost.api.agency.AcknowledgementFile;
import vn.dossierpost.api.agency.AgencyReceipt;
import vn.dossierpost.service.DatabaseRetry;
import vn.dossierpost.service.DatabaseUnavailable;
import vn.dossierpost.service.handover.HandoverAcknowledgements;

/**
 * Applies an agency's acknowledgement file ({@code *.ack.json} in its inbox folder) for a file-drop
 * handover. Every good receipt is applied, all in one transaction and idempotently (a file dropped
 * twice changes nothing); if any receipt is wrong the file is refused with the list of problems, and the route
 * moves it to {@code .failed/} beside an {@code .error.txt}. A database that fails meanwhile is tried
 * again ({@link DatabaseRetry}); if it stays away, {@link DatabaseUnavailable} leaves the file in
 * the inbox for a later poll.
 */
public final class AcknowledgementFiles {
    private final HandoverAcknowledgements handovers;
    private final ObjectMapper json;
    private final DatabaseRetry retry;

    public AcknowledgementFiles(HandoverAcknowledgements handovers, ObjectMapper json, DatabaseRetry retry) {
        this.handovers = handovers;
        this.json = json;
        this.retry = retry;
    }

    /** @return how many receipts were applied */
    public int apply(String agencyCode, byte[] content) {
        AcknowledgementFile ack;
        try {
            ack = json.readValue(content, AcknowledgementFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not an acknowledgement file (JSON with handoverNo and receipts): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        if (ack.handoverNo() == null || ack.handoverNo().isBlank()) {
            problems.add("handoverNo: is required");
        }
        if (ack.receipts() == null || ack.receipts().isEmpty()) {
            problems.add("receipts: at least one receipt is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        List<AgencyReceipt> wellFormed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ack.receipts().size(); i++) {
            AgencyReceipt r = ack.receipts().get(i);
            if (r == null || r.dossierCode() == null || r.dossierCode().isBlank()) {
                problems.add("receipts[" + i + "].dossierCode: is required");
            } else {
                wellFormed.add(r);
                positions.add(i);
            }
        }
        Set<String> unknown = Set.copyOf(retry.call(
                "acknowledgement of " + ack.handoverNo(),
                () -> handovers.acknowledge(agencyCode, ack.handoverNo(), wellFormed)));
        for (int k = 0; k < wellFormed.size(); k++) {
            String code = wellFormed.get(k).dossierCode();
            if (unknown.contains(code)) {
                problems.add("receipts[" + positions.get(k) + "].dossierCode: " + code + " is not in handover "
                        + ack.handoverNo() + " to " + agencyCode);
            }
        }
        int applied = (int) wellFormed.stream()
                .filter(r -> !unknown.contains(r.dossierCode()))
                .count();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(applied + " of " + ack.receipts().size()
                    + " receipts applied; refused:\n" + String.join("\n", problems));
        }
        return applied;
    }
}
