package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;

/** A courier's deliveries for a day and the money to collect on them. */
public record CourierWork(String courier, LocalDate date, List<DeliveryView> deliveries, long amountToCollect) {}
