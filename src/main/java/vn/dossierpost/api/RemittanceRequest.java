package vn.dossierpost.api;

/** Marks the statement of an agency and period (YYYY-MM-DD, both days included) as remitted. */
public record RemittanceRequest(String agency, String from, String to) {}
