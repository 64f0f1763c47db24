package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A courier's deliveries for a day, the money still to collect on them, and what their deliveries
 * of the day collected (the cash to hand in, as the supervisor's reconciliation expects it).
 */
public record CourierWork(
        String courier, LocalDate date, List<DeliveryView> deliveries, long amountToCollect, long amountCollected) {}
