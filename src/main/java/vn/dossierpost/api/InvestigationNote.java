package vn.dossierpost.api;

/** What the investigation of a lost or damaged item found so far (replaces the previous note). */
public record InvestigationNote(String text) {}
