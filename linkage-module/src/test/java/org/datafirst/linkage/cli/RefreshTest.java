package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datafirst.linkage.cli.LinkageCliTest.FAKE;
import static org.datafirst.linkage.cli.LinkageCliTest.SETTINGS;
import static org.datafirst.linkage.cli.LinkageCliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSchemas;
import org.datafirst.linkage.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --previous}: person ids carried across a refresh, on the first rows of fake_200 and then all of them. */
class RefreshTest {

    static final String[] SMALL = {"-q", "--threads", "1", "--memory-limit", "512MB", "--format", "CSV"};

    static LinkageCliTest.Result runWith(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of(SMALL));
        return run(all.toArray(String[]::new));
    }

    /** The first {@code rows} data rows of fake_200 as a CSV file. */
    static Path firstRows(Path dir, int rows) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(FAKE));
        Path f = dir.resolve("fake_first_" + rows + ".csv");
        Files.write(f, lines.subList(0, rows + 1));
        return f;
    }

    /** unique_id → person id from an output folder's clusters.csv. */
    static Map<String, Long> ids(Path out) throws IOException {
        Map<String, Long> m = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("clusters.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.put(f[1], Long.parseLong(f[2]));
        }
        return m;
    }

    @Test
    void aRefreshOnTheSameRecordsKeepsEveryId(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertThat(runWith("run", "-s", SETTINGS, "-i", "fake_1000=" + FAKE, "-o", first.toString())
                        .code())
                .isZero();
        var r = runWith(
                "run",
                "-s",
                SETTINGS,
                "-i",
                "fake_1000=" + FAKE,
                "-o",
                second.toString(),
                "--previous",
                first.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(r.out())
                .contains("person ids:")
                .contains("retired 0")
                .contains("records: kept id 200, changed id 0, new 0, gone 0");
        JsonNode report = new ObjectMapper()
                .readTree(second.resolve("quality-report.json").toFile());
        assertThat(report.at("/id_changes/records_kept_id").asLong()).isEqualTo(200);
        assertThat(report.at("/id_changes/retired").asLong()).isZero();
        assertThat(report.at("/id_changes/new").asLong()).isZero();
        assertThat(TestSchemas.report().validate(report)).isEmpty();
        assertThat(second.resolve("id_changes.csv")).exists();
    }

    @Test
    void aRefreshWithMoreRecordsKeepsTheIdOfEveryUnchangedClusterAndMintsAboveTheHighest(@TempDir Path dir)
            throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertThat(runWith("run", "-s", SETTINGS, "-i", "fake_1000=" + firstRows(dir, 150), "-o", first.toString())
                        .code())
                .isZero();
        var r = runWith(
                "run",
                "-s",
                SETTINGS,
                "-i",
                "fake_1000=" + FAKE,
                "-o",
                second.toString(),
                "--previous",
                first.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Long> before = ids(first);
        Map<String, Long> after = ids(second);
        long highest = before.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        // group the new clusters: each keeps its previous id exactly when it holds all records of one previous id and
        // no other
        Map<Long, java.util.Set<Long>> previousIdsIn = new HashMap<>();
        Map<Long, java.util.Set<Long>> clustersOf = new HashMap<>();
        after.forEach((uid, id) -> {
            Long was = before.get(uid);
            if (was != null) {
                previousIdsIn
                        .computeIfAbsent(id, k -> new java.util.HashSet<>())
                        .add(was);
                clustersOf.computeIfAbsent(was, k -> new java.util.HashSet<>()).add(id);
            }
        });
        int unchanged = 0;
        for (var e : previousIdsIn.entrySet()) {
            if (e.getValue().size() == 1) {
                long was = e.getValue().iterator().next();
                if (clustersOf.get(was).size() == 1) {
                    assertThat(e.getKey())
                            .as("cluster holding exactly the records of %d", was)
                            .isEqualTo(was);
                    unchanged++;
                }
            }
        }
        assertThat(unchanged).isGreaterThan(40);
        // ids of clusters with no previous records are new: above the highest id the first run used
        after.forEach((uid, id) -> {
            if (!before.containsKey(uid) && !previousIdsIn.containsKey(id)) {
                assertThat(id).isGreaterThan(highest);
            }
        });
        JsonNode state =
                new ObjectMapper().readTree(second.resolve("state/ids.json").toFile());
        assertThat(state.get("highest_id").asLong())
                .isEqualTo(Math.max(
                        highest,
                        after.values().stream().mapToLong(Long::longValue).max().orElseThrow()));
        JsonNode report = new ObjectMapper()
                .readTree(second.resolve("quality-report.json").toFile());
        assertThat(report.at("/id_changes/records_new").asLong()).isEqualTo(50);
        assertThat(TestSchemas.report().validate(report)).isEmpty();
        try (Engine db = TestDb.open()) {
            var lineage = db.query(
                    "SELECT change, sum(records) FROM read_csv(?) GROUP BY 1 ORDER BY 1",
                    second.resolve("id_changes.csv").toString());
            assertThat(lineage.toString()).contains("[added, 50]");
        }
    }

    @Test
    void aMissingOrForeignPreviousRunIsRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        var absent = runWith(
                "run",
                "-s",
                SETTINGS,
                "-i",
                FAKE,
                "-o",
                dir.resolve("o").toString(),
                "--previous",
                dir.resolve("nope").toString());
        assertThat(absent.code()).isEqualTo(3);
        assertThat(absent.err()).contains("--previous " + dir.resolve("nope") + ": not a directory");
        Files.createDirectories(dir.resolve("empty"));
        var empty = runWith(
                "run",
                "-s",
                SETTINGS,
                "-i",
                FAKE,
                "-o",
                dir.resolve("o").toString(),
                "--previous",
                dir.resolve("empty").toString());
        assertThat(empty.code()).isEqualTo(3);
        assertThat(empty.err()).contains(dir.resolve("empty/state/ids.json") + " not found");
        assertThat(dir.resolve("o/model.json")).doesNotExist();

        Path first = dir.resolve("first");
        assertThat(runWith("run", "-s", SETTINGS, "-i", "fake_1000=" + FAKE, "-o", first.toString())
                        .code())
                .isZero();
        Path other = dir.resolve("other.json");
        Files.writeString(
                other,
                Files.readString(Path.of(SETTINGS))
                        .replace(
                                "\"person_id_column_name\": \"person_id\"",
                                "\"person_id_column_name\": \"estimated_offender_id\""));
        var foreign = runWith(
                "run",
                "-s",
                other.toString(),
                "-i",
                FAKE,
                "-o",
                dir.resolve("o").toString(),
                "--previous",
                first.toString());
        assertThat(foreign.code()).isEqualTo(2);
        assertThat(foreign.err()).contains("holds ids of 'person_id', these settings write 'estimated_offender_id'");
        Files.writeString(
                first.resolve("state/ids.json"),
                "{\"format\": \"datafirst-linkage-ids/1\", \"person_id_column\": \"person_id\","
                        + " \"highest_id\": 3, \"retired_ids\": []}");
        var inconsistent = runWith(
                "run", "-s", SETTINGS, "-i", FAKE, "-o", dir.resolve("o").toString(), "--previous", first.toString());
        assertThat(inconsistent.code()).isEqualTo(3);
        assertThat(inconsistent.err())
                .contains("records.parquet: person ids run from")
                .contains("highest id ever used is 3");
    }
}
