package org.datafirst.catalogue.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.PostgresResource;
import org.datafirst.catalogue.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database stops while a write is half done (its release rows inserted, the dataset row still to
 * update): the client gets a 503 problem, and after the database is back no trace of the write exists.
 */
@QuarkusTest
@TestProfile(DatabaseFailureTest.OwnSchema.class)
class DatabaseFailureTest {

    /** Its own schema and its own application instance, so no other test shares the broken connection pool. */
    public static class OwnSchema implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return IsolatedStoreProfile.emptyStore("failure");
        }
    }

    private static final String ID = "interrupted";

    @Test
    void aWriteCutOffByTheDatabaseStoppingIs503AndLeavesNoPartialRelease() throws Exception {
        Assumptions.assumeTrue(PostgresResource.embedded(), "needs the embedded test database, which it stops");
        String curator = Tokens.curator("alice");
        given().header("Authorization", curator)
                .contentType("application/json")
                .body(Documents.dataset(ID).toString())
                .put("/api/v1/datasets/" + ID)
                .then()
                .statusCode(201);
        String etag = given().get("/api/v1/datasets/" + ID)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Long> before = counts();

        // Given another session holds the dataset row (but lets foreign keys to it be checked), so the write
        // inserts its release, tables, variables, audit entry and feed entry, then waits to update that row
        CompletableFuture<Response> write = null;
        try (Connection blocker = connect()) {
            blocker.setAutoCommit(false);
            blocker.createStatement()
                    .execute("select 1 from failure.dataset where id = '" + ID + "' for no key update");
            write = CompletableFuture.supplyAsync(() -> given().header("Authorization", curator)
                    .header("If-Match", etag)
                    .contentType("application/merge-patch+json")
                    .body("{\"title\": \"Never committed\"}")
                    .patch("/api/v1/datasets/" + ID));
            try (Connection observer = connect()) {
                awaitWriteBlockedOnTheDatasetRow(observer);
            }

            // When the database stops mid-write
            PostgresResource.stopServer();
        } catch (SQLException expected) {
            // closing the blocker's connection fails: the server is gone
        }
        Response response = write.get(60, TimeUnit.SECONDS);
        PostgresResource.startServer();

        // Then the client got a 503 problem, and the store holds exactly what it held before
        response.then()
                .statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("/problems/service-unavailable"))
                .body("status", equalTo(503));
        assertThat(counts()).isEqualTo(before);
        assertThat(given().get("/api/v1/datasets/" + ID).then().extract().statusCode())
                .isIn(200, 503);
    }

    /** Polls from its own autocommit session: a transaction would keep seeing one snapshot of pg_stat_activity. */
    private static void awaitWriteBlockedOnTheDatasetRow(Connection blocker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Statement s = blocker.createStatement();
                    ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                            + "and query ilike 'update%dataset%'")) {
                r.next();
                if (r.getLong(1) > 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        StringBuilder activity = new StringBuilder();
        try (Statement s = blocker.createStatement();
                ResultSet r = s.executeQuery(
                        "select state, wait_event_type, wait_event, left(query, 120) from pg_stat_activity")) {
            while (r.next()) {
                activity.append('\n')
                        .append(r.getString(1))
                        .append(" | ")
                        .append(r.getString(2))
                        .append(" | ")
                        .append(r.getString(3))
                        .append(" | ")
                        .append(r.getString(4));
            }
        }
        throw new AssertionError("the write never reached the dataset row:" + activity);
    }

    private static Map<String, Long> counts() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            return Map.of(
                    "releases",
                    count(s, "select count(*) from failure.release where dataset_id = '" + ID + "'"),
                    "tables",
                    count(
                            s,
                            "select count(*) from failure.data_table t join failure.release r on r.id = t.release_id "
                                    + "where r.dataset_id = '" + ID + "'"),
                    "audit",
                    count(s, "select count(*) from failure.audit_entry where dataset_id = '" + ID + "'"),
                    "feed",
                    count(s, "select count(*) from failure.release_publication where dataset_id = '" + ID + "'"));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
