package org.datafirst.catalogue.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates a new PostgreSQL cluster with data checksums and a password for the superuser. zonky's own
 * initdb takes no flag options (it runs {@code initdb -A trust} and passes extra options as
 * {@code --key=value}), so this runs zonky's initdb binary itself: a throwaway zonky server (in a
 * temporary folder, deleted again) tells where zonky unpacked its binaries.
 */
final class ClusterInit {

    private ClusterInit() {}

    /** Runs initdb into {@code dataDir} (absent or empty): checksums on, password authentication. */
    static void create(Path dataDir, String password) throws IOException {
        Path bin = binaries();
        Path passwordFile = Files.createTempFile("initdb-", ".pw");
        try {
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // as zonky does: PostgreSQL refuses to run as root, so run it in a user namespace
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(
                    bin.resolve("initdb").toString(),
                    "--data-checksums",
                    "--auth-local=scram-sha-256",
                    "--auth-host=scram-sha-256",
                    "--username=postgres",
                    "--pwfile=" + passwordFile,
                    "--encoding=UTF-8",
                    "--pgdata=" + dataDir));
            Process initdb =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(initdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                throw new IOException("initdb failed in " + dataDir + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the cluster in " + dataDir, e);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static Path binaries() throws IOException {
        try (EmbeddedPostgres probe = EmbeddedPostgres.builder().start();
                Connection c = probe.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select setting from pg_config where name = 'BINDIR'")) {
            r.next();
            return Path.of(r.getString(1));
        } catch (SQLException e) {
            throw new IOException("could not find the embedded PostgreSQL binaries", e);
        }
    }
}
