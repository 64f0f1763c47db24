package vn.dossierpost.service.counter;

import java.time.OffsetDateTime;

/**
 * One dossier as a row of the counter's lists and search results: enough to recognise it and open
 * it ({@code code} leads to its page). {@code at} is the time that matters in that list (taken in,
 * asked for, held since), in the service's zone; {@code note} says what waits, or null.
 */
public record DossierLine(
        String code,
        String s10Number,
        String applicantName,
        String procedureName,
        String statusLabel,
        OffsetDateTime at,
        String note) {}
