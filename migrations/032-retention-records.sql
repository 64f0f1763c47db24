--liquibase formatted sql

--changeset dossierpost:032-retention-records splitStatements:false
-- The retention purge also clears what the timeline, the handover records, the outbox and the
-- incident register say about the person. The timeline stays append-only for everything else: a
-- transaction that declares itself the purge (SET LOCAL dossierpost.retention_purge = 'on') may
-- rewrite an entry's note and payload, and nothing else of it; deleting is never allowed.
CREATE OR REPLACE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
            AND current_setting('dossierpost.retention_purge', true) = 'on'
            AND (NEW.id, NEW.dossier_id, NEW.type, NEW.from_status, NEW.to_status, NEW.at, NEW.actor,
                 NEW.office_code, NEW.agency_code)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.dossier_id, OLD.type, OLD.from_status, OLD.to_status, OLD.at, OLD.actor,
                 OLD.office_code, OLD.agency_code) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'dossier_event is append-only';
END;
$$;

-- A purged manifest no longer matches the signature that covered it: its SHA-256, taken before,
-- still proves what was handed over against the agency's own copy.
ALTER TABLE handover_item ADD COLUMN purged_manifest_sha256 text;
