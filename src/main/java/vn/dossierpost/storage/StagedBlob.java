package vn.dossierpost.storage;

import java.nio.file.Path;

/**
 * An upload written to local staging and flushed, not yet placed: its hash and size, and the local
 * file so the content can be checked (a PDF opened) before it is kept.
 */
public record StagedBlob(String sha256, long size, Path localFile) {}
