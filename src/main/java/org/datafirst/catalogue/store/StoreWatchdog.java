package org.datafirst.catalogue.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Restarts the embedded PostgreSQL when its postmaster dies (killed, crashed), without restarting the
 * service: checks every {@code interval} that the postmaster named in postmaster.pid is alive and
 * otherwise starts the server again on the same data and port. A frozen (stopped) server is alive and
 * is left alone. The connection pool then replaces its broken connections by itself.
 */
public final class StoreWatchdog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoreWatchdog.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embedded-postgres-watchdog");
        t.setDaemon(true);
        return t;
    });

    private StoreWatchdog() {}

    public static StoreWatchdog watch(DurablePostgres store, Duration interval) {
        StoreWatchdog watchdog = new StoreWatchdog();
        watchdog.timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        store.restartIfDead();
                    } catch (Exception e) {
                        LOG.warnf("Embedded PostgreSQL did not start again yet (%s); retrying", e.getMessage());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return watchdog;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
