--liquibase formatted sql

--changeset dossierpost:025-report-indexes
-- The periodic reports count what happened in a period: the timeline's status changes by status and
-- time (hand-overs, answers, deliveries, withdrawals), the payments by the day they were taken or paid
-- back, the deliveries by the day the money was collected. Without these a quarter of a busy
-- province's year reads the whole timeline.
CREATE INDEX dossier_event_status_at ON dossier_event (to_status, at) WHERE to_status IS NOT NULL;
CREATE INDEX payment_paid_at ON payment (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX payment_refunded_at ON payment (refunded_at) WHERE refunded_at IS NOT NULL;
CREATE INDEX delivery_attempt_delivered_at ON delivery_attempt (at) WHERE outcome = 'DELIVERED';
