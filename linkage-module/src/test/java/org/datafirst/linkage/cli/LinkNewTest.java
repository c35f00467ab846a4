package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datafirst.linkage.cli.LinkageCliTest.FAKE;
import static org.datafirst.linkage.cli.LinkageCliTest.SETTINGS;
import static org.datafirst.linkage.cli.RefreshTest.firstRows;
import static org.datafirst.linkage.cli.RefreshTest.ids;
import static org.datafirst.linkage.cli.RefreshTest.runWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code link-new}: every fourth row of fake_200 (50 records) linked to a run on the other 150 (fake_200 is sorted by person). */
class LinkNewTest {

    /** The data rows of fake_200 whose index modulo 4 is (or, with {@code keep} false, is not) 3, as a CSV file. */
    static Path everyFourth(Path dir, boolean keep) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(FAKE));
        Path f = dir.resolve(keep ? "fake_new.csv" : "fake_old.csv");
        List<String> out = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            if (((i - 1) % 4 == 3) == keep) {
                out.add(lines.get(i));
            }
        }
        Files.write(f, out);
        return f;
    }

    /** For each record, the other records sharing its id. */
    static Map<String, Set<String>> mates(Map<String, Long> ids) {
        Map<Long, Set<String>> byId = new HashMap<>();
        ids.forEach((uid, id) -> byId.computeIfAbsent(id, k -> new HashSet<>()).add(uid));
        Map<String, Set<String>> m = new HashMap<>();
        ids.forEach((uid, id) -> m.put(uid, byId.get(id)));
        return m;
    }

    @Test
    void newRecordsJoinExistingPeopleOrGetNewIdsAndOldRecordsKeepTheirs(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        assertThat(runWith("run", "-s", SETTINGS, "-i", "fake_1000=" + everyFourth(dir, false), "-o", first.toString())
                        .code())
                .isZero();
        Path linked = dir.resolve("linked");
        var r = runWith(
                "link-new",
                "-m",
                first.resolve("model.json").toString(),
                "--previous",
                first.toString(),
                "-i",
                "fake_1000=" + everyFourth(dir, true),
                "-o",
                linked.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("earlier records 150, new records 50").contains("retired 0");
        Map<String, Long> before = ids(first);
        Map<String, Long> after = ids(linked);
        assertThat(after).hasSize(200);
        before.forEach((uid, id) -> assertThat(after.get(uid)).as(uid).isEqualTo(id));
        long highest = before.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> existing = new HashSet<>(before.values());
        long joined = after.entrySet().stream()
                .filter(e -> !before.containsKey(e.getKey()))
                .filter(e -> existing.contains(e.getValue()))
                .count();
        after.forEach((uid, id) ->
                assertThat(existing.contains(id) || id > highest).as(uid).isTrue());
        assertThat(joined).isGreaterThan(25); // most of fake_1000's people have several records

        // the same records through a full refresh: most new records are placed with the same people
        Path full = dir.resolve("full");
        assertThat(runWith(
                                "run",
                                "-s",
                                SETTINGS,
                                "-i",
                                "fake_1000=" + FAKE,
                                "-o",
                                full.toString(),
                                "--previous",
                                first.toString())
                        .code())
                .isZero();
        Map<String, Set<String>> inc = mates(after);
        Map<String, Set<String>> all = mates(ids(full));
        long same = after.keySet().stream()
                .filter(uid -> !before.containsKey(uid))
                .filter(uid -> inc.get(uid).equals(all.get(uid)))
                .count();
        assertThat(same).isGreaterThanOrEqualTo(40);

        // the result is itself a previous run: linking nothing new again changes nothing
        Path empty = dir.resolve("none.csv");
        Files.writeString(empty, Files.readAllLines(Path.of(FAKE)).get(0) + "\n");
        var again = runWith(
                "link-new",
                "-m",
                linked.resolve("model.json").toString(),
                "--previous",
                linked.toString(),
                "-i",
                "fake_1000=" + empty,
                "-o",
                dir.resolve("again").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(ids(dir.resolve("again"))).isEqualTo(after);
    }

    @Test
    void badInputIsRefusedNamingThePlace(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        assertThat(runWith("run", "-s", SETTINGS, "-i", "fake_1000=" + firstRows(dir, 150), "-o", first.toString())
                        .code())
                .isZero();
        String model = first.resolve("model.json").toString();
        var noPrevious = runWith(
                "link-new",
                "-m",
                model,
                "--previous",
                dir.resolve("nope").toString(),
                "-i",
                FAKE,
                "-o",
                dir.resolve("o").toString());
        assertThat(noPrevious.code()).isEqualTo(3);
        assertThat(noPrevious.err()).contains("--previous " + dir.resolve("nope"));
        var clash = runWith(
                "link-new",
                "-m",
                model,
                "--previous",
                first.toString(),
                "-i",
                "fake_1000=" + firstRows(dir, 160),
                "-o",
                dir.resolve("o").toString());
        assertThat(clash.code()).isEqualTo(3);
        assertThat(clash.err())
                .contains(
                        "fake_first_160.csv: row 1: unique id '0' of source dataset 'fake_1000' is already among the earlier run's records");
        Path noSurname = dir.resolve("nosurname.csv");
        Files.writeString(noSurname, "unique_id,first_name,dob,city,email\n900,a,1970-01-01,,\n");
        var column = runWith(
                "link-new",
                "-m",
                model,
                "--previous",
                first.toString(),
                "-i",
                "fake_1000=" + noSurname,
                "-o",
                dir.resolve("o").toString());
        assertThat(column.code()).isEqualTo(2);
        assertThat(column.err()).contains("column 'surname' not found in " + noSurname);
        assertThat(dir.resolve("o/clusters.csv")).doesNotExist();
    }
}
