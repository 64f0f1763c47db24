package vn.dossierpost.api;

import java.time.LocalDate;
import vn.dossierpost.domain.ComplaintState;

/**
 * A complaint in the register: {@code number} KN-000001, the dossier, who complained, where and how it
 * came in, the day it must be answered by ({@code answerDue}) and whether that day has passed while it
 * is open ({@code overdue}), then the answer or the reason it was withdrawn.
 */
public record ComplaintView(
        String number,
        String dossierCode,
        String complainant,
        String complainantName,
        String complainantPhone,
        String officeCode,
        String channel,
        String content,
        LocalDate receivedOn,
        boolean interProvince,
        LocalDate answerDue,
        boolean overdue,
        ComplaintState state,
        String stateLabel,
        String answer,
        String withdrawalReason,
        LocalDate closedOn,
        String closedBy,
        String receivedBy) {}
