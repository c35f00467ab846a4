package org.datafirst.catalogue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store as run.sh starts it: durable settings, loopback with a password, restarted when killed. */
class DurablePostgresTest {

    @TempDir
    Path folder;

    @Test
    void aNewStoreIsDurableChecksummedAndAsksForItsPassword() throws Exception {
        try (DurablePostgres store = DurablePostgres.start(folder.resolve("postgres"))) {
            try (Connection c = connect(store)) {
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "full_page_writes")).isEqualTo("on");
                assertThat(show(c, "data_checksums")).isEqualTo("on");
                assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
            }
            assertThat(Files.readString(folder.resolve("postgres").resolve(DurablePostgres.PASSWORD_FILE))
                            .strip())
                    .isEqualTo(store.password())
                    .hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.getPosixFilePermissions(folder.resolve("postgres").resolve(DurablePostgres.PASSWORD_FILE)))
                    .hasSize(2);
            assertThatThrownBy(() -> DriverManager.getConnection(store.jdbcUrl(), "postgres", "postgres")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void aFolderCreatedWithoutChecksumsOrPasswordKeepsItsDataAndGetsAPassword() throws Exception {
        Path dataDir = folder.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table kept (id int); insert into kept values (7)");
        }
        try (DurablePostgres store = DurablePostgres.start(dataDir);
                Connection c = connect(store);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id from kept")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(7);
            assertThat(show(c, "data_checksums")).isEqualTo("off");
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThatThrownBy(() -> DriverManager.getConnection(store.jdbcUrl(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theWatchdogStartsAKilledServerAgainOnTheSamePortAndData() throws Exception {
        try (DurablePostgres store = DurablePostgres.start(folder.resolve("postgres"));
                StoreWatchdog watchdog = StoreWatchdog.watch(store, Duration.ofMillis(200))) {
            try (Connection c = connect(store);
                    Statement s = c.createStatement()) {
                s.execute("create table confirmed (id int); insert into confirmed values (1)");
            }
            int port = store.port();
            ProcessHandle postmaster = store.postmaster().orElseThrow();

            // When the postmaster is killed
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            // Then the watchdog starts it again: a read succeeds and finds the committed row
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Integer found = null;
            while (found == null && System.nanoTime() < deadline) {
                try (Connection c = connect(store);
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("select id from confirmed")) {
                    r.next();
                    found = r.getInt(1);
                } catch (SQLException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(found).isEqualTo(1);
            assertThat(store.port()).isEqualTo(port);
            assertThat(store.postmaster()).isPresent().get().isNotEqualTo(postmaster);
        }
    }

    private static Connection connect(DurablePostgres store) throws SQLException {
        return DriverManager.getConnection(store.jdbcUrl(), store.username(), store.password());
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }
}
