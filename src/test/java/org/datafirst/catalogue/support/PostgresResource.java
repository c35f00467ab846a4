package org.datafirst.catalogue.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tests' PostgreSQL: the server named by CATALOGUE_TEST_DB_URL (with _USER and _PASSWORD) when
 * given, otherwise a real embedded PostgreSQL started for the test run in a fresh data folder. The
 * embedded server can be stopped and started again on the same port and data ({@link #stopServer()},
 * {@link #startServer()}) to test what a write does when the database goes away.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile PostgresResource running;

    private EmbeddedPostgres postgres;
    private Path dataDirectory;
    private int port;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("CATALOGUE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    url,
                    "quarkus.datasource.username",
                    System.getenv().getOrDefault("CATALOGUE_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password",
                    System.getenv().getOrDefault("CATALOGUE_TEST_DB_PASSWORD", "postgres"));
        }
        try {
            dataDirectory = Files.createTempDirectory("test-postgres");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL for tests; "
                            + "set CATALOGUE_TEST_DB_URL to use a running server",
                    e);
        }
        running = this;
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres");
    }

    /** True when the tests run on the embedded server, which they can stop and start. */
    public static boolean embedded() {
        return running != null && running.postgres != null;
    }

    /** Stops the embedded server (fast shutdown: open transactions are cut off); its data stays. */
    public static void stopServer() throws IOException {
        running.postgres.close();
    }

    /** Starts the embedded server again on the same port with the same data. */
    public static void startServer() throws IOException {
        PostgresResource r = running;
        r.postgres = EmbeddedPostgres.builder()
                .setDataDirectory(r.dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(r.port)
                .start();
    }

    /** Freezes the embedded server (SIGSTOP to the postmaster and its backends), as a hung host would. */
    public static void freezeServer() throws IOException {
        signalServer("STOP");
    }

    /** Lets a frozen server run again (SIGCONT). */
    public static void thawServer() throws IOException {
        signalServer("CONT");
    }

    private static void signalServer(String signal) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(running.dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
        postmaster.descendants().forEach(p -> command.add(Long.toString(p.pid())));
        try {
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IOException("could not send SIG" + signal + " to " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (running == this) {
                    running = null;
                }
            }
        }
    }
}
