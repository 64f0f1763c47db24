package vn.dossierpost.api;

/** The post's answer to a complaint, as sent to the complainant. */
public record ComplaintAnswer(String answer) {}
