package vn.dossierpost.service.handover;

import java.time.OffsetDateTime;
import java.util.List;
import vn.dossierpost.domain.AgencyChannel;

/**
 * A handover leased for sending ({@link HandoverService#claim}): what a channel route carries from the
 * claim to {@link HandoverService#settle}, with the dossiers in it still to send.
 */
public record HandoverWork(
        long outboxId,
        int attempt,
        OffsetDateTime queuedAt,
        long handoverId,
        String handoverNo,
        OffsetDateTime createdAt,
        AgencyChannel agency,
        List<HandoverItem> items) {}
