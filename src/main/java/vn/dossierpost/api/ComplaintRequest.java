package vn.dossierpost.api;

/**
 * A complaint as the clerk records it: the dossier ({@code dossier}: its code or either S10 number),
 * who complains ({@code complainant}: APPLICANT or FILER) with their name and phone, how it came in
 * ({@code channel}: COUNTER, PHONE, EMAIL, LETTER or WEB), what it says, and the day it was received
 * ({@code receivedOn}, YYYY-MM-DD, today when left out).
 */
public record ComplaintRequest(
        String dossier,
        String complainant,
        String name,
        String phone,
        String channel,
        String content,
        String receivedOn) {}
