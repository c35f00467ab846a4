package org.datafirst.catalogue.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections outside the pool, to the pool's database, for work that must not wait behind
 * requests (the heartbeat) or that holds its connection for ever (the change listener). They give
 * up connecting after the heartbeat timeout.
 */
@ApplicationScoped
public class DedicatedConnections {

    @Inject
    CatalogueConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A new connection, named in pg_stat_activity by {@code applicationName}. */
    public Connection open(String applicationName) throws SQLException {
        int timeoutMillis = (int) config.store().heartbeatTimeout().toMillis();
        String seconds = Integer.toString(Math.max(1, (timeoutMillis + 999) / 1000));
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url, properties);
    }
}
