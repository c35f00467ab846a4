package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;

class QualityReportTest {

    static final String SETTINGS = """
            {"link_type": "link_and_dedupe", "unique_id_column_name": "uid", "role_column_name": "role",
             "blocking_rules_to_generate_predictions": [{"block_on": ["fn"]}],
             "comparisons": [{"column": "fn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
             "training": {"deterministic_rules": [{"block_on": ["fn"]}], "recall": 1.0, "em_blocking_rules": [{"block_on": ["fn"]}]}}
            """;

    /**
     * Dataset "court": 40 records, 20 defendants (in 10 clusters of two) and 20 witnesses (no fn for 5 of them);
     * dataset "prison": 3 prisoners, each in a cluster with a court defendant.
     */
    static JsonNode report() {
        LinkageSettings s = SettingsParser.parse(SETTINGS);
        LinkageModel model = new LinkageModel(
                s,
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .put("x", 1),
                0.01,
                new double[][] {{0.1, 0.9}},
                new double[][] {{0.9, 0.1}},
                List.of());
        try (Engine db = TestDb.open()) {
            db.execute(
                    "CREATE TABLE records AS SELECT i AS __rid, 'court' AS __sd, i::VARCHAR AS __uid, "
                            + "CASE WHEN i < 20 THEN 'defendant' ELSE 'witness' END AS role, CASE WHEN i >= 35 THEN NULL ELSE 'n' || i END AS fn "
                            + "FROM range(40) t(i) UNION ALL SELECT 40 + i, 'prison', 'p' || i, 'prisoner', 'q' || i FROM range(3) t(i)");
            db.execute(
                    "CREATE TABLE clusters AS SELECT __rid, CASE WHEN __rid < 20 THEN __rid // 2 * 2 WHEN __rid >= 40 THEN (__rid - 40) * 2 ELSE __rid END AS cluster_id FROM records");
            // 12 pairs scored: 10 accepted at p 0.9, 2 rejected at p 0.3
            db.execute(
                    "CREATE TABLE predictions AS SELECT i * 2 AS rid_l, i * 2 + 1 AS rid_r, 0 AS match_key, 1 AS gamma_fn, "
                            + "3.2 AS match_weight, 0.9 AS match_probability FROM range(10) t(i) "
                            + "UNION ALL SELECT 20 + i, 21 + i, 0, 0, -1.2, 0.3 FROM range(2) t(i)");
            db.execute(
                    "CREATE TABLE cluster_shapes AS SELECT cluster_id, count(*)::INT AS size, 1::BIGINT AS edges, 0 AS bridges,"
                            + " 1.0 AS density, false AS suspicious FROM clusters GROUP BY cluster_id HAVING count(*) > 1");
            return new QualityReport(db, model, new Disclosure(10))
                    .build(
                            Instant.parse("2026-01-01T00:00:00Z"),
                            1.5,
                            Map.of("load", 0.1),
                            ClusteringSettings.Method.AVERAGE_LINKAGE,
                            null,
                            null);
        }
    }

    static JsonNode group(JsonNode report, String sd, String role) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("source_dataset").asText().equals(sd)
                    && g.get("role").asText().equals(role)) {
                return g;
            }
        }
        throw new AssertionError("no group " + sd + "/" + role);
    }

    static boolean suppressed(JsonNode n) {
        return n.isObject()
                && n.path("suppressed").asBoolean()
                && !n.path("reason").asText().isEmpty();
    }

    @Test
    void countsAndRatesArePublishedWhenLargeAndSuppressedWhenSmall() {
        JsonNode r = report();
        assertThat(r.get("format").asText()).isEqualTo(QualityReport.FORMAT);
        assertThat(r.at("/overall/records").asLong()).isEqualTo(43);
        assertThat(r.at("/overall/scored_pairs").asLong()).isEqualTo(12);
        assertThat(r.at("/overall/accepted_pairs").asLong()).isEqualTo(10);
        // expected false = 10 * 0.1 = 1.0 (rests on 10 accepted pairs); missed = 2 * 0.3 rests on 2 pairs -> suppressed
        assertThat(r.at("/overall/expected_false_matches").asDouble()).isEqualTo(1.0);
        assertThat(suppressed(r.at("/overall/expected_missed_matches"))).isTrue();

        JsonNode court = group(r, "court", "(all)");
        // 43 records in all minus 40 court records would give the 3 prison records back: court's count goes too, with
        // its rates
        assertThat(suppressed(court.get("records"))).isTrue();
        assertThat(court.get("records").get("reason").asText()).isEqualTo("derived from a count below 10");
        assertThat(suppressed(court.at("/identifier_completeness/fn"))).isTrue();
        assertThat(suppressed(court.get("duplicate_rate"))).isTrue();
        // 3 court records link to prison: small count and its rate suppressed
        JsonNode link = court.get("cross_dataset_link_rates").get(0);
        assertThat(link.get("other_dataset").asText()).isEqualTo("prison");
        assertThat(suppressed(link.get("linked_records"))).isTrue();
        assertThat(suppressed(link.get("rate"))).isTrue();

        JsonNode defendants = group(r, "court", "defendant");
        // 20 defendants + 20 witnesses would give court's 40 back, and with it the prisoners: one role goes too
        assertThat(suppressed(defendants.get("records"))).isTrue();
        assertThat(suppressed(defendants.at("/identifier_completeness/fn"))).isTrue();
        assertThat(group(r, "court", "witness").get("records").asLong()).isEqualTo(20);
        // 3 of the 10 defendant clusters also hold a prisoner (size 3): both size counts are small
        assertThat(suppressed(defendants.at("/cluster_size_distribution/2"))).isTrue();
        assertThat(suppressed(defendants.at("/cluster_size_distribution/3"))).isTrue();
        assertThat(group(r, "court", "witness")
                        .at("/cluster_size_distribution/1")
                        .asLong())
                .isEqualTo(20);

        JsonNode prison = group(r, "prison", "(all)");
        assertThat(suppressed(prison.get("records"))).isTrue();
        assertThat(suppressed(prison.get("duplicate_rate"))).isTrue(); // 0 of 3: the denominator is small
    }

    @Test
    void noPublishedCountAnywhereIsBetweenOneAndNine() {
        JsonNode r = report();
        assertThat(org.datafirst.linkage.SmallCounts.in(r)).isEmpty();
    }

    @Test
    void provenanceCarriesVersionSettingsHashAndModel() {
        JsonNode p = report().get("provenance");
        assertThat(p.get("settings_sha256").asText()).hasSize(64);
        assertThat(p.get("run_seconds").asDouble()).isEqualTo(1.5);
        assertThat(p.at("/model/probability_two_random_records_match").asDouble())
                .isEqualTo(0.01);
        assertThat(p.at("/model/comparisons/0/levels/0/m_probability").asDouble())
                .isEqualTo(0.9);
        assertThat(p.get("threshold_match_probability").asDouble()).isEqualTo(0.5);
    }
}
