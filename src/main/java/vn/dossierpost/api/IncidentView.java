package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An item lost or damaged: {@code number} SC-000001, the dossier and leg, what was found where and
 * when, the leg's postage, the re-issue costs, the minimum the rules require and the compensation
 * owed, the day it must be paid by ({@code overdue} once past and unpaid), and who paid it when.
 */
public record IncidentView(
        String number,
        String dossierCode,
        String leg,
        String kind,
        String foundBy,
        String foundWhere,
        LocalDate foundOn,
        String officeCode,
        String description,
        String investigation,
        long postage,
        long reissueCosts,
        long minimumCompensation,
        long compensation,
        LocalDate payBy,
        boolean overdue,
        OffsetDateTime paidAt,
        String paidBy,
        String complaint) {}
