package vn.dossierpost.api;

/** A commune-level unit (5-digit code, Decision 19/2025/QĐ-TTg) with its province, as a picker lists it. */
public record CommuneView(String code, String name, String provinceCode, String provinceName) {}
