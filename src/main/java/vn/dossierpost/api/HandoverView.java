package vn.dossierpost.api;

import java.time.OffsetDateTime;
import java.util.List;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.domain.HandoverItemState;
import vn.dossierpost.domain.HandoverState;

/** A handover record and what became of each dossier in it. {@code items} is empty in lists. */
public record HandoverView(
        String no,
        Ref agency,
        Channel channel,
        HandoverState state,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime deliveredAt,
        OffsetDateTime failedAt,
        int retries,
        String lastError,
        int dossiers,
        int delivered,
        int failed,
        List<Item> items,
        String recordUrl) {

    public record Ref(String code, String name) {}

    public record Item(
            String dossierCode,
            String s10Number,
            HandoverItemState state,
            int components,
            int files,
            long bytes,
            boolean complete,
            String receiptNumber,
            OffsetDateTime receivedAt,
            String lastError) {}

    public record Page(List<HandoverView> handovers, Long nextBefore) {}
}
