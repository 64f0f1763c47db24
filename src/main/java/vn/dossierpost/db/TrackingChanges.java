package vn.dossierpost.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to {@code NOTIFY dossier_tracking}, which the projection's triggers send from the
 * transaction that changed a dossier's public answer (PostgreSQL delivers it on commit, to every
 * node on the database). Each notice names the dossier's references ("code s10 returnS10"), or is
 * "*" after a full rebuild. While the connection is down notices are lost, so every (re)connection
 * first reports {@code everything}: the caller forgets all it holds.
 */
public final class TrackingChanges implements AutoCloseable {
    public static final String CHANNEL = "dossier_tracking";
    private static final Logger LOG = LoggerFactory.getLogger(TrackingChanges.class);
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final Consumer<String> changed;
    private final Runnable everything;
    private volatile boolean running;
    private Thread thread;

    /** {@code changed}: one reference (code or S10 number) whose answer changed; {@code everything}: forget all. */
    public TrackingChanges(DataSource dataSource, Consumer<String> changed, Runnable everything) {
        this.dataSource = dataSource;
        this.changed = changed;
        this.everything = everything;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "tracking-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                everything.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            apply(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("listening for tracking changes failed; listening again in {} ms", RECONNECT_MILLIS, e);
                    sleep();
                }
            }
        }
    }

    private void apply(String payload) {
        if ("*".equals(payload)) {
            everything.run();
            return;
        }
        for (String reference : payload.split(" ")) {
            if (!reference.isEmpty()) {
                changed.accept(reference);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5 * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
