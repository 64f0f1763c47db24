package vn.dossierpost.api.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An agency's acknowledgement of a file-drop handover, left in its inbox folder as {@code *.ack.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcknowledgementFile(String handoverNo, List<AgencyReceipt> receipts) {}
