package org.datafirst.catalogue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on one PostgreSQL notification channel with a dedicated connection (outside the pool) on
 * its own daemon thread. Every notification batch calls {@code onChange}. When the connection drops,
 * {@code onLost} is called at once (what was known may now be missed), and the listener reconnects
 * with a growing pause; once it listens again it calls {@code onChange}, because notifications sent
 * while it was away are lost.
 */
public final class NotificationListener implements AutoCloseable {

    /** Opens a new connection outside the pool. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private final Opener opener;
    private final String channel;
    private final Runnable onChange;
    private final Runnable onLost;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean listening;
    private volatile Connection connection;

    public NotificationListener(Opener opener, String channel, Runnable onChange, Runnable onLost) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel must be a plain identifier: " + channel);
        }
        this.opener = opener;
        this.channel = channel;
        this.onChange = onChange;
        this.onLost = onLost;
        this.thread = new Thread(this::run, "listen-" + channel);
        this.thread.setDaemon(true);
    }

    public NotificationListener start() {
        thread.start();
        return this;
    }

    /** Whether it holds a connection that LISTENs: only then are changes seen as they commit. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long pauseMillis = 100;
        while (running.get()) {
            try (Connection c = opener.open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + channel);
                }
                listening = true;
                pauseMillis = 100;
                onChange.run(); // whatever happened before LISTEN took effect
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        onChange.run();
                    } else if (received == null && c.isClosed()) {
                        throw new SQLException("listener connection closed");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                if (listening) {
                    LOG.warnf("Lost the %s listener connection (%s); reconnecting", channel, e.getMessage());
                }
                listening = false;
                onLost.run();
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // closing either way
            }
        }
        thread.interrupt();
    }
}
