--liquibase formatted sql

--changeset dossierpost:028-report-due-indexes
-- The periodic report's legs due in the period and still running at its end start from the dossiers
-- whose due day of a leg falls in the period: without an index on each due day that read every
-- dossier (10 million: the whole table, three times over). Its other question, the dossier's last
-- status before an instant (at the period's end, at a late leg's due day, before the period for a
-- leg finished earlier), walked all of a dossier's timeline and sorted it; with the timeline's status
-- changes indexed by dossier and time it is one probe.
CREATE INDEX dossier_handover_due ON dossier (handover_due);
CREATE INDEX dossier_result_due ON dossier (result_due);
CREATE INDEX dossier_return_due ON dossier (return_due);
CREATE INDEX dossier_event_dossier_at ON dossier_event (dossier_id, at, id) WHERE to_status IS NOT NULL;
