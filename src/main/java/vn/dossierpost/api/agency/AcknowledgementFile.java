package vn.dossierpost.api.agency;

import java.util.List;

/** An agency's acknowledgement of a file-drop handover, left in its inbox folder as {@code *.ack.json}. */
public record AcknowledgementFile(String handoverNo, List<AgencyReceipt> receipts) {}
