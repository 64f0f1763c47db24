--liquibase formatted sql

--changeset dossierpost:027-tracking-view splitStatements:false
-- Public tracking (GET /api/track/{ref}, /tra-cuu/{ref}) reads one row of dossier_tracking instead of
-- the dossier and its whole timeline: per dossier exactly what the public answer needs, free of
-- personal data (the names already masked; no ID number, phone, e-mail, address, note or clerk).
-- Catalogue names (procedure, agency, office) stay codes here: the service puts the current names in
-- when it builds the answer, so renaming an agency does not rewrite millions of rows.
--
-- One path keeps it right: triggers on dossier and dossier_event, so every writer (intake's single
-- statement, status changes, corrections, agency reschedules, the retention purge, bulk loads)
-- updates it in its own transaction, and none can forget to. Each trigger recomputes the dossier's
-- row from dossier_tracking_source, the one definition also used to fill the table
-- (dossier_tracking_rebuild()), so the incremental and the full paths cannot differ.
-- A change to a dossier already visible sends NOTIFY dossier_tracking '<code> <s10> <return s10>'
-- from the same transaction (delivered on commit, dropped on rollback): every service node drops
-- its cached answers for those references. A dossier's creation sends nothing (no node can have
-- cached an answer for it): NOTIFY serialises the commits of notifying transactions, and intake
-- is the busiest writer.

-- NameMasker.mask (domain) in SQL, for the projection: each word keeps its first letter with its
-- combining marks and every further letter becomes '*'; NFC first; the retention tombstone shown as
-- it is. Words are split on the separators Java's [\s\p{Z}] matches; marks are the combining blocks
-- (after NFC, Vietnamese letters are precomposed). TrackingProjectionTest holds the two equal.
CREATE FUNCTION tracking_masked_name(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN name IS NULL THEN NULL
    WHEN name = '(đã xóa theo thời hạn lưu trữ)' THEN name
    -- separators to one space; then every letter after another non-space becomes '*' (marks are no
    -- letters: those after the first letter stay with it); then the marks left after a '*' go.
    -- Three regexp passes and no subquery: about half the time of splitting into words, which
    -- counts when the projection of millions of dossiers is rebuilt.
    ELSE regexp_replace(
        regexp_replace(
            btrim(regexp_replace(normalize(name, NFC),
                '[ \t\n\u000b\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g'), ' '),
            '(?<=[^ ])[^ \u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '*', 'g'),
        '(?<=\*)[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+', '', 'g')
END
$$;

-- Which timeline entries the public sees: every change of status, and the entries TimelineEvent
-- marks public (TrackingProjectionTest checks this list against TimelineEvent.isPublic()).
CREATE FUNCTION tracking_public_event(type text, to_status text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT to_status IS NOT NULL
    OR type IN ('TRANSFERRED_TO_DELIVERY_OFFICE', 'ARRIVED_AT_DELIVERY_OFFICE', 'ITEM_LOST', 'ITEM_DAMAGED')
$$;

CREATE TABLE dossier_tracking (
    dossier_id         bigint PRIMARY KEY REFERENCES dossier(id),
    code               text NOT NULL,
    s10_number         text,
    return_s10_number  text,
    applicant          text NOT NULL,
    filer              text,
    procedure_code     text NOT NULL,
    agency_code        text NOT NULL,
    status             text NOT NULL,
    result_due         date,
    -- [{"at": UTC instant, "status" | "event", "office", "agency", "reason", "action"}] in timeline order
    steps              jsonb NOT NULL
) WITH (fillfactor = 90);
CREATE UNIQUE INDEX dossier_tracking_code ON dossier_tracking (code);
CREATE UNIQUE INDEX dossier_tracking_s10 ON dossier_tracking (s10_number);
CREATE UNIQUE INDEX dossier_tracking_return_s10 ON dossier_tracking (return_s10_number);

-- The projection's one definition. The grouped timeline is joined on dossier_id, so a filter on one
-- dossier reaches dossier_event through its index, and a full rebuild is one hash join.
CREATE VIEW dossier_tracking_source AS
SELECT d.id AS dossier_id, d.code, d.s10_number, d.return_s10_number,
       coalesce(tracking_masked_name(d.applicant_name), '') AS applicant,
       tracking_masked_name(d.filer_name) AS filer,
       d.procedure_code, d.agency_code, d.status, d.result_due,
       coalesce(s.steps, '[]'::jsonb) AS steps
FROM dossier d
LEFT JOIN (
    SELECT e.dossier_id,
           jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'status', e.to_status,
               'event', CASE WHEN e.to_status IS NULL THEN e.type END,
               'office', e.office_code,
               'agency', e.agency_code,
               -- a failed delivery's reason and action codes (UPU EMH), never the courier's note
               'reason', CASE WHEN e.to_status = 'DELIVERY_FAILED' THEN e.payload ->> 'reason' END,
               'action', CASE WHEN e.to_status = 'DELIVERY_FAILED' THEN e.payload ->> 'action' END))
               ORDER BY e.id) AS steps
    FROM dossier_event e
    WHERE tracking_public_event(e.type, e.to_status)
    GROUP BY e.dossier_id) s ON s.dossier_id = d.id;

-- One dossier's row brought in line with its source (left alone when equal); NOTIFY when asked
-- and the public answer changed.
CREATE FUNCTION dossier_tracking_refresh(dossier bigint, announce boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    refs text;
BEGIN
    INSERT INTO dossier_tracking AS t
    SELECT * FROM dossier_tracking_source s WHERE s.dossier_id = dossier
    ON CONFLICT (dossier_id) DO UPDATE SET code = excluded.code, s10_number = excluded.s10_number,
        return_s10_number = excluded.return_s10_number, applicant = excluded.applicant, filer = excluded.filer,
        procedure_code = excluded.procedure_code, agency_code = excluded.agency_code, status = excluded.status,
        result_due = excluded.result_due, steps = excluded.steps
    WHERE (t.*) IS DISTINCT FROM (excluded.*)
    RETURNING concat_ws(' ', t.code, t.s10_number, t.return_s10_number) INTO refs;
    IF announce AND refs IS NOT NULL THEN
        PERFORM pg_notify('dossier_tracking', refs);
    END IF;
END
$$;

-- Every dossier at once, set-based: DossierTrackingDAO.rebuildAll, for bulk loads that wrote
-- dossiers with the triggers off (session_replication_role = replica). The table is locked while it
-- is refilled; '*' tells every node to drop all its cached answers. Returns the rows written.
CREATE FUNCTION dossier_tracking_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    TRUNCATE dossier_tracking;
    INSERT INTO dossier_tracking SELECT * FROM dossier_tracking_source;
    GET DIAGNOSTICS written = ROW_COUNT;
    PERFORM pg_notify('dossier_tracking', '*');
    RETURN written;
END
$$;

CREATE FUNCTION dossier_tracking_on_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dossier_tracking_refresh(NEW.id, TG_OP = 'UPDATE');
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_tracking_created AFTER INSERT ON dossier
    FOR EACH ROW EXECUTE FUNCTION dossier_tracking_on_dossier();

CREATE TRIGGER dossier_tracking_changed AFTER UPDATE ON dossier
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code
        OR OLD.s10_number IS DISTINCT FROM NEW.s10_number
        OR OLD.return_s10_number IS DISTINCT FROM NEW.return_s10_number
        OR OLD.applicant_name IS DISTINCT FROM NEW.applicant_name
        OR OLD.filer_name IS DISTINCT FROM NEW.filer_name
        OR OLD.procedure_code IS DISTINCT FROM NEW.procedure_code
        OR OLD.agency_code IS DISTINCT FROM NEW.agency_code
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.result_due IS DISTINCT FROM NEW.result_due)
    EXECUTE FUNCTION dossier_tracking_on_dossier();

-- A dossier's first status is written with the dossier itself: nothing to announce.
CREATE FUNCTION dossier_tracking_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dossier_tracking_refresh(NEW.dossier_id, NEW.from_status IS NOT NULL OR NEW.to_status IS NULL);
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_tracking_timeline AFTER INSERT ON dossier_event
    FOR EACH ROW WHEN (tracking_public_event(NEW.type, NEW.to_status))
    EXECUTE FUNCTION dossier_tracking_on_event();

-- Existing databases: every dossier's row, set-based.
SELECT dossier_tracking_rebuild();
