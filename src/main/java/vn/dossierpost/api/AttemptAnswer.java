package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.dossierpost.domain.DossierStatus;

/** What an attempt did; stored with it, so a resend of the same {@code clientAttemptId} gets exactly this again. */
public record AttemptAnswer(
        String clientAttemptId,
        String s10Number,
        String dossierCode,
        String outcome,
        DossierStatus status,
        int failedAttempts,
        LocalDate nextAttemptFrom,
        LocalDate heldUntil,
        long amountCollected,
        String note,
        OffsetDateTime recordedAt) {}
