package vn.dossierpost.agencysim;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The agency's memory of idempotency keys ({@code <dossierCode>/<handoverNo>}): the first delivery of
 * a key gets a new receipt, every later one the same receipt back. Kept in memory and safe under
 * concurrent requests for the same key (exactly one of them is first). Shared by both channels, so a
 * handover dropped again as a ZIP is acknowledged with the receipts it already had.
 */
final class ReceiptLedger {
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The delivery a key maps to, and whether this call created it. */
    record Outcome(Delivery delivery, boolean first) {}

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Delivery> byKey = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> countByKey = new ConcurrentHashMap<>();
    private final Set<String> dossiers = ConcurrentHashMap.newKeySet();

    private final Consumer<Delivery> onFirstDelivery;

    ReceiptLedger(Clock clock, Consumer<Delivery> onFirstDelivery) {
        this.clock = clock.withZone(ZONE);
        this.onFirstDelivery = onFirstDelivery;
    }

    /** Records one verified delivery of the manifest's key; a new key gets the next receipt number. */
    Outcome deliver(Manifest manifest, List<String> fileNames) {
        String key = manifest.key();
        countByKey.computeIfAbsent(key, k -> new LongAdder()).increment();
        AtomicBoolean created = new AtomicBoolean();
        Delivery delivery = byKey.computeIfAbsent(key, k -> {
            created.set(true);
            Receipt receipt = new Receipt(String.format(Locale.ROOT, "TN-%06d", sequence.incrementAndGet()), now());
            return new Delivery(
                    k, manifest.dossierCode(), manifest.handoverNo(), manifest.applicantName(), fileNames, receipt);
        });
        if (created.get()) {
            dossiers.add(manifest.dossierCode());
            onFirstDelivery.accept(delivery);
        }
        return new Outcome(delivery, created.get());
    }

    private String now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(byKey.keySet()));
    }

    int count(String key) {
        LongAdder count = countByKey.get(key);
        return count == null ? 0 : count.intValue();
    }

    Optional<Delivery> delivery(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    int distinctKeys() {
        return byKey.size();
    }

    int distinctDossiers() {
        return dossiers.size();
    }
}
