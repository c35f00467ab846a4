package org.datafirst.catalogue.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.sources.DocumentParser;
import org.datafirst.catalogue.support.SourceFiles;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two replicas on one database. Replica A is this Quarkus application (its CurrentReleases, its
 * listener, served over HTTP). Replica B is a second, independent CurrentReleases in the same JVM:
 * its own map and its own LISTEN connection, reaching PostgreSQL through its own plain pgjdbc data
 * source (not A's pool). A change committed by one is served by the other within a second, and B
 * falls back to asking PostgreSQL while its listener connection is gone, then listens again.
 */
@QuarkusTest
@TestProfile(ReleaseDocumentRoundTripTest.OwnStore.class) // the same own schema, so no second start-up
class CurrentReleasesAcrossReplicasTest {

    private static final String DATASET = "replica-test";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Inject
    ReleaseWriter writer;

    private PGSimpleDataSource replicaB;
    private CurrentReleases b;
    /** While set, B's listener cannot connect, so B cannot be listening again before the test looks. */
    private volatile boolean listenerRefused;

    @BeforeEach
    void startReplicaB() {
        Config config = ConfigProvider.getConfig();
        replicaB = new PGSimpleDataSource();
        replicaB.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(replicaB::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(replicaB::setPassword);
        replicaB.setCurrentSchema("round_trip");
        replicaB.setApplicationName("replica-b");
        b = new CurrentReleases(replicaB);
        b.listen(() -> {
            if (listenerRefused) {
                throw new SQLException("the test keeps replica B's listener away from the server");
            }
            Connection c = replicaB.getConnection();
            c.setClientInfo("ApplicationName", "replica-b-listener");
            return c;
        });
        await(b::live, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopReplicaB() {
        b.close();
    }

    @Test
    void aPublishOnOneReplicaIsServedByTheOtherWithinASecond() throws SQLException {
        long first = publish("Test dataset " + DATASET);
        await(() -> b.currentReleaseId(DATASET) == first, WITHIN);

        // When replica A publishes a new release
        long loadsBefore = b.loads();
        long second = publish("Edited on replica A");

        // Then replica B's own map serves it within a second, loaded because it was notified
        await(() -> b.currentReleaseId(DATASET) == second, WITHIN);
        assertThat(b.loads()).isGreaterThan(loadsBefore);
        assertThat(b.live()).isTrue();

        // When replica B's side commits a change (the first release made current again)
        execute("update dataset set current_release_id = ? where id = ?", first, DATASET);

        // Then replica A serves it over HTTP within a second, though nothing was written through A
        await(
                () -> given().get("/api/v1/datasets/" + DATASET)
                        .then()
                        .extract()
                        .path("release.version")
                        .equals(versionOf(first)),
                WITHIN);
        given().get("/api/v1/datasets/" + DATASET)
                .then()
                .statusCode(200)
                .body("title", equalTo("Test dataset " + DATASET));
    }

    @Test
    void whileItsListenerConnectionIsGoneAReplicaAsksPostgresqlAndListensAgainAfterwards() throws SQLException {
        long first = publish("Before the drop");
        await(() -> b.currentReleaseId(DATASET) == first, WITHIN);

        // When B's listener connection is killed by the server, and it cannot connect again for a while
        listenerRefused = true;
        execute(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                "replica-b-listener");
        await(() -> !b.live(), WITHIN);

        // Then B still answers correctly, from PostgreSQL, including a change made meanwhile
        long second = publish("During the drop");
        assertThat(b.currentReleaseId(DATASET)).isEqualTo(second);

        // And once it can, it reconnects, reloads everything and serves from its map again
        listenerRefused = false;
        await(b::live, Duration.ofSeconds(5));
        long third = publish("After the drop");
        await(() -> b.currentReleaseId(DATASET) == third, WITHIN);
    }

    /** Replica A (this application) publishes a new release of the test dataset with this title. */
    private long publish(String title) {
        String yaml = SourceFiles.dataset(DATASET).replace("title: Test dataset " + DATASET, "title: " + title);
        DatasetDocument document =
                DocumentParser.dataset(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
        Map<String, LookupDocument> lookups = new java.util.HashMap<>();
        document.lookups().forEach(l -> lookups.put(l.id(), l));
        return QuarkusTransaction.requiringNew()
                .call(() -> writer.publish(document, lookups, "replica test " + title)
                        .map(r -> r.id)
                        .orElseGet(() -> b.currentReleaseId(DATASET)));
    }

    private int versionOf(long releaseId) {
        try (Connection c = replicaB.getConnection();
                PreparedStatement s = c.prepareStatement("select version from release where id = ?")) {
            s.setLong(1, releaseId);
            var rows = s.executeQuery();
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = replicaB.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }

    /** A dataset a replica has not heard of yet is "not yet", not a failure. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
