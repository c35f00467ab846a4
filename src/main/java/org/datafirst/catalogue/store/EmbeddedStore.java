package org.datafirst.catalogue.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The embedded default store: a durable PostgreSQL ({@link DurablePostgres}) with its data kept in
 * {@code catalogue.data-dir} (default {@code .data/postgres}) so it survives restarts, watched by a
 * {@link StoreWatchdog} that starts it again if it dies. It runs only when neither
 * {@code QUARKUS_DATASOURCE_JDBC_URL} nor {@code quarkus.datasource.jdbc.url} is set; a configured
 * database always takes over.
 */
public final class EmbeddedStore {

    private static final Logger LOG = Logger.getLogger(EmbeddedStore.class);
    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    private static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    private static final Duration WATCHDOG_INTERVAL = Duration.ofSeconds(1);

    private EmbeddedStore() {}

    public static void startIfNoDatabaseConfigured() {
        if (configured(URL_PROPERTY, URL_ENV).isPresent()) {
            return;
        }
        Path dataDir = Path.of(
                        configured("catalogue.data-dir", "CATALOGUE_DATA_DIR").orElse(".data/postgres"))
                .toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            DurablePostgres postgres = DurablePostgres.start(dataDir);
            StoreWatchdog watchdog = StoreWatchdog.watch(postgres, WATCHDOG_INTERVAL);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                watchdog.close();
                                postgres.close();
                            },
                            "embedded-postgres-stop"));
            System.setProperty(URL_PROPERTY, postgres.jdbcUrl());
            System.setProperty("quarkus.datasource.username", postgres.username());
            System.setProperty("quarkus.datasource.password", postgres.password());
            LOG.infof(
                    "No database configured: started embedded PostgreSQL on 127.0.0.1:%d with data in %s",
                    postgres.port(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dataDir
                            + "; set QUARKUS_DATASOURCE_JDBC_URL to use an existing database",
                    e);
        }
    }

    private static Optional<String> configured(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
