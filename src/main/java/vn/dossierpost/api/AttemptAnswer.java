package vn.dossierpost.api;

import vn.dossierpost.domain.DossierStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What an attempt did; stored with it, so a resend of the same {@code clientAttemptId} gets exactly this again. */
public record AttemptAnswer(String clientAttemptId, String s10Number, String dossierCode, String outcome, DossierStatus status,
                            int failedAttempts, LocalDate nextAttemptFrom, LocalDate heldUntil, long amountCollected,
                            String note, OffsetDateTime recordedAt) {}
