package org.datafirst.catalogue.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Tells a frozen or unreachable database from a slow query. A dedicated connection (outside the pool,
 * so a pool busy with long exports cannot starve it) runs {@code select 1} every heartbeat interval and
 * must answer within the heartbeat timeout. When it does not, readiness goes DOWN at once, every pooled
 * connection is closed, so requests stuck on a frozen server fail with 503 instead of hanging, and new
 * requests get 503 at once until it answers again. A query on a live database is
 * never cut short for being slow: the pool's only read timeout is a generous backstop (application.properties).
 * Readiness reports the heartbeat's last answer without touching the database, so it never waits on a frozen
 * server (Quarkus's own datasource check, which borrows and validates a connection, is switched off).
 */
@Readiness
@Default // also injectable without the qualifier: its request filter needs it
@ApplicationScoped
public class DatabaseHeartbeat implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseHeartbeat.class);

    @Inject
    CatalogueConfig config;

    @Inject
    AgroalDataSource pool;

    @Inject
    DedicatedConnections connections;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private Connection connection;
    private volatile String failure;

    void start(@Observes StartupEvent started) {
        long interval = config.store().heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::beat, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        timer.shutdownNow();
    }

    /**
     * While the heartbeat gets no answer, requests fail at once with 503 (the pool would otherwise make each
     * wait for its acquisition timeout); GOV.UK Frontend's assets need no database and are still served.
     */
    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void refuseWhileDown(ContainerRequestContext request) {
        String down = failure;
        if (down != null && !request.getUriInfo().getPath().startsWith("/assets/")) {
            throw new IllegalStateException("The database does not answer", new SQLTransientConnectionException(down));
        }
    }

    @Override
    public HealthCheckResponse call() {
        String down = failure;
        return HealthCheckResponse.named("Database connections health check (heartbeat)")
                .status(down == null)
                .withData("timeout", config.store().heartbeatTimeout().toString())
                .withData("failure", down == null ? "none" : down)
                .build();
    }

    private void beat() {
        try {
            if (connection == null) {
                connection = open();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("select 1");
            }
            if (failure != null) {
                LOG.infof("The database answers again (it failed with: %s)", failure);
                failure = null;
            }
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            if (failure == null) {
                failure = String.valueOf(e.getMessage());
                LOG.warnf(
                        "The database did not answer within %s (%s): readiness DOWN, closing pooled connections",
                        config.store().heartbeatTimeout(), failure);
                pool.flush(AgroalDataSource.FlushMode.ALL);
            }
        }
    }

    private Connection open() throws SQLException {
        Connection opened = connections.open("catalogue-heartbeat");
        opened.setNetworkTimeout(
                Runnable::run, (int) config.store().heartbeatTimeout().toMillis());
        return opened;
    }

    private void discardConnection() {
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the connection is gone either way
            }
            connection = null;
        }
    }
}
