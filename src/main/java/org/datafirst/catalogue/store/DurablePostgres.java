package org.datafirst.catalogue.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL server the service runs when no database is configured, set up to keep what
 * it confirms: fsync, synchronous commit and full-page writes on (zonky's defaults are test settings:
 * fsync and synchronous commit off), data checksums when it creates the cluster, listening on loopback
 * only, and a generated superuser password kept in {@value #PASSWORD_FILE} inside the data folder.
 * {@link #restartIfDead()} starts it again on the same folder and port when its postmaster has gone.
 */
public final class DurablePostgres implements AutoCloseable {

    static final String PASSWORD_FILE = "catalogue-password";
    private static final Logger LOG = Logger.getLogger(DurablePostgres.class);
    private static final String HBA = """
            # Written by the Data First Catalogue: loopback connections only, always with a password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final Path dataDir;
    private final String password;
    private volatile EmbeddedPostgres server;
    private int port;

    private DurablePostgres(Path dataDir, String password) {
        this.dataDir = dataDir;
        this.password = password;
    }

    /** Starts the server on {@code dataDir}, creating the cluster first when the folder holds none. */
    public static DurablePostgres start(Path dataDir) throws IOException {
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        DurablePostgres store;
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            store = new DurablePostgres(dataDir, generatePassword());
            ClusterInit.create(dataDir, store.password);
            writeSecret(passwordFile, store.password);
        } else if (Files.exists(passwordFile)) {
            store = new DurablePostgres(
                    dataDir,
                    Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
        } else {
            // a folder from before passwords: the server still trusts loopback; set one after start
            store = new DurablePostgres(dataDir, generatePassword());
            writeSecret(passwordFile, store.password);
        }
        store.startServer(0);
        store.secure();
        return store;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The postmaster's process id, from postmaster.pid, when that process is alive and is PostgreSQL. */
    public Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Starts the server again on the same data and port when its postmaster is gone; true if it did. */
    public synchronized boolean restartIfDead() throws IOException {
        if (postmaster().isPresent()) {
            return false;
        }
        LOG.warnf("Embedded PostgreSQL (port %d) is not running: starting it again on %s", port, dataDir);
        stopQuietly();
        startServer(port);
        LOG.infof("Embedded PostgreSQL is running again on port %d", port);
        return true;
    }

    private void startServer(int requestedPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setConnectConfig("password", password)
                // zonky starts the server with -F (fsync off) and synchronous_commit=off; these come later and win
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (requestedPort > 0) {
            builder.setPort(requestedPort);
        }
        server = builder.start();
        port = server.getPort();
    }

    /** Makes the server ask for the password (folders created by older versions trusted loopback). */
    private void secure() throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), username(), password);
                Statement s = c.createStatement()) {
            if (!HBA.equals(Files.readString(hba))) {
                s.execute("alter role postgres password '" + password.replace("'", "''") + "'");
                Files.writeString(hba, HBA);
                s.execute("select pg_reload_conf()");
                LOG.infof("Embedded PostgreSQL: loopback only, password in %s", dataDir.resolve(PASSWORD_FILE));
            }
            try (ResultSet r = s.executeQuery("show data_checksums")) {
                r.next();
                if (!"on".equals(r.getString(1))) {
                    LOG.warnf(
                            "The embedded PostgreSQL data in %s was created without data checksums; it keeps "
                                    + "working. To add them, stop the service and run pg_checksums --enable -D %s",
                            dataDir, dataDir);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not secure the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private void stopQuietly() {
        EmbeddedPostgres old = server;
        if (old != null) {
            try {
                old.close(); // pg_ctl stop; also releases zonky's lock on the data folder
            } catch (IOException | RuntimeException e) {
                LOG.debug("Stopping the embedded PostgreSQL failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
