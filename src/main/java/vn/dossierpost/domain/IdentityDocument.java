package vn.dossierpost.domain;

/** The documents a courier may check at delivery (QĐ 45/2016 Art. 10): CCCD, passport, or the old CMND. */
public enum IdentityDocument {
    CCCD,
    PASSPORT,
    CMND
}
