package vn.dossierpost.agencysim;

/** The size and SHA-256 (lowercase hex) of what actually arrived for one file. */
record FileDigest(long size, String sha256) {}
