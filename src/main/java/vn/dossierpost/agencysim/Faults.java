package vn.dossierpost.agencysim;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * The misbehaviour a test can dial in, also while requests are running: a share of requests failing
 * with 500 (drawn from a seeded Random, so a run repeats), a delay before every answer or before a
 * share of them only (the slow rate, drawn the same way), and acknowledging a duplicate as if it were
 * new.
 */
final class Faults {
    private final Random random;
    private volatile double failRate;
    private volatile Duration delay = Duration.ZERO;
    private volatile double slowRate = 1.0;
    private final LongAdder slowAnswers = new LongAdder();
    private volatile boolean ackTwice;

    Faults(long seed) {
        this.random = new Random(seed);
    }

    boolean failNow() {
        return draw(failRate);
    }

    private boolean draw(double rate) {
        if (rate <= 0) {
            return false;
        }
        if (rate >= 1) {
            return true;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    /** Sleeps for the delay if this answer is one of the slow ones; true if interrupted (the simulator is closing). */
    boolean pause() {
        Duration d = delay;
        if (d.isZero() || !draw(slowRate)) {
            return false;
        }
        slowAnswers.increment();
        try {
            Thread.sleep(d.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    double failRate() {
        return failRate;
    }

    void failRate(double rate) {
        this.failRate = checkFailRate(rate);
    }

    static double checkFailRate(double rate) {
        return checkRate("failRate", rate);
    }

    /** Answers that waited for the delay so far. */
    long slowAnswers() {
        return slowAnswers.sum();
    }

    double slowRate() {
        return slowRate;
    }

    void slowRate(double rate) {
        this.slowRate = checkSlowRate(rate);
    }

    static double checkSlowRate(double rate) {
        return checkRate("slowRate", rate);
    }

    private static double checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
        }
        return rate;
    }

    Duration delay() {
        return delay;
    }

    void delay(Duration delay) {
        this.delay = checkDelay(delay);
    }

    static Duration checkDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or more, got " + delay);
        }
        return delay;
    }

    boolean ackTwice() {
        return ackTwice;
    }

    void ackTwice(boolean ackTwice) {
        this.ackTwice = ackTwice;
    }
}
