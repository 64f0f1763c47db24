package vn.dossierpost.agencysim;

import java.util.concurrent.atomic.LongAdder;

/** The event counters of both channels, bumped from many threads; read as one {@link AgencySimulator.Stats}. */
final class Counters {
    final LongAdder requests = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failedOnPurpose = new LongAdder();
    final LongAdder zipsProcessed = new LongAdder();
    final LongAdder zipsRejected = new LongAdder();
    final LongAdder dossiersAcknowledged = new LongAdder();

    AgencySimulator.Stats snapshot(ReceiptLedger ledger) {
        return new AgencySimulator.Stats(
                requests.sum(),
                accepted.sum(),
                duplicates.sum(),
                rejected.sum(),
                failedOnPurpose.sum(),
                ledger.distinctKeys(),
                ledger.distinctDossiers(),
                zipsProcessed.sum(),
                zipsRejected.sum(),
                dossiersAcknowledged.sum());
    }
}
