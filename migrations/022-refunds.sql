--liquibase formatted sql

--changeset dossierpost:022-refunds
-- A refund pays back what was taken, or part of it: everything for a dossier withdrawn before its
-- handover, the government fee alone for a dossier the agency refused when the fee's circular gives it
-- back (the postage paid for carrying it was spent). The amount goes beside the state.
ALTER TABLE payment ADD COLUMN refunded_amount bigint CHECK (refunded_amount > 0);
UPDATE payment p SET refunded_amount = r.amount
    FROM receipt r WHERE r.dossier_id = p.dossier_id AND r.kind = 'REFUND' AND p.state = 'REFUNDED';

-- Whether the government fee goes back to an applicant whose dossier the agency refused. The
-- catalogue import writes it from catalogue.json (feeRefundableOnRefusal, false when left out); the
-- reference data loaded by 002 is set here.
ALTER TABLE procedure ADD COLUMN fee_refundable_on_refusal boolean NOT NULL DEFAULT false;
UPDATE procedure SET fee_refundable_on_refusal = true
    WHERE code IN ('2.000488', '9.000101', '9.000102', '2.000488.000.00.00.H29', '9.000301');

-- A fee remitted to the agency and later paid back to the applicant is deducted on the agency's next
-- statement: a second line for the dossier, of kind REFUND, carrying the fee as a negative amount.
ALTER TABLE remittance_item ADD COLUMN kind text NOT NULL DEFAULT 'FEE' CHECK (kind IN ('FEE', 'REFUND'));
ALTER TABLE remittance_item DROP CONSTRAINT remittance_item_pkey;
ALTER TABLE remittance_item ADD PRIMARY KEY (dossier_id, kind);
