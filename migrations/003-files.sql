--liquibase formatted sql

--changeset dossierpost:003-files
-- Scans of a dossier's documents (Decree 107/2021). The bytes live in the blob store under their
-- SHA-256; a row says which dossier and document they belong to and what the clerk called the file.
-- Identical bytes uploaded twice are two rows and one blob.
CREATE TABLE dossier_file (
    id                bigserial PRIMARY KEY,
    dossier_id        bigint NOT NULL,
    component_code    text NOT NULL,
    original_name     text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
    size_bytes        bigint NOT NULL CHECK (size_bytes > 0),
    sha256            char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type      text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
    page_count        integer CHECK (page_count > 0),
    uploaded_by       text NOT NULL,
    uploaded_at       timestamptz NOT NULL,
    fixity_failed_at  timestamptz,          -- when the stored bytes were first found not to match sha256
    FOREIGN KEY (dossier_id, component_code) REFERENCES dossier_component (dossier_id, code)
);
CREATE INDEX dossier_file_dossier ON dossier_file (dossier_id, component_code, id);
CREATE INDEX dossier_file_sha256 ON dossier_file (sha256);

-- The digitisation report counts dossiers by day of receipt.
CREATE INDEX dossier_received_at ON dossier (received_at);
