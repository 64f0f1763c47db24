package vn.dossierpost.app;

import vn.dossierpost.service.counter.Corrections;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.service.counter.S10Series;
import vn.dossierpost.service.counter.SlipService;
import vn.dossierpost.service.counter.Supplements;
import vn.dossierpost.service.homepickup.HomePickups;
import vn.dossierpost.service.payment.CounterDay;
import vn.dossierpost.service.payment.PaymentService;
import vn.dossierpost.service.payment.Receipts;

/** The counter's services, built once by {@link CounterModule} and shared by the JSON API and the counter pages. */
public record CounterServices(
        IntakeService intake,
        SlipService slips,
        Corrections corrections,
        DigitisationService digitisation,
        Supplements supplements,
        DossierFiles files,
        PublicTracking tracking,
        PaymentService payments,
        Receipts receipts,
        CounterDay counterDay,
        S10Series s10Series,
        HomePickups homePickups) {}
