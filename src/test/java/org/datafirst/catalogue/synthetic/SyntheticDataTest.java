package org.datafirst.catalogue.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.sources.DocumentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic tables generated from the real catalogue sources, checked against their dictionaries. */
class SyntheticDataTest {

    private static final Path SOURCES = Path.of("catalogue-sources");
    private static final LocalDate ISSUED = LocalDate.of(2025, 6, 1);

    @TempDir
    Path folder;

    @Test
    void codeColumnsHoldOnlyTheirLookupsCodes() throws Exception {
        DatasetDocument oasys = dataset("offender-assessment-oasys");
        Map<String, Set<String>> codes = new HashMap<>();
        oasys.lookups()
                .forEach(l -> codes.put(
                        l.id(),
                        new HashSet<>(l.codes().stream()
                                .map(LookupDocument.CodeDocument::code)
                                .toList())));
        int checked = 0;
        for (SyntheticTable table : DictionaryPlan.tables(oasys, ISSUED)) {
            List<Map<String, String>> rows = csvRows(table, 2_000);
            for (TableDocument doc : oasys.tables()) {
                if (!doc.name().equals(table.name())) {
                    continue;
                }
                for (VariableDocument variable : doc.variables()) {
                    if (variable.lookup() != null) {
                        Set<String> allowed = codes.get(variable.lookup());
                        Set<String> seen = new HashSet<>();
                        rows.forEach(r -> seen.add(r.get(variable.name())));
                        assertThat(allowed).as(variable.name()).containsAll(seen);
                        assertThat(seen).as("every code is drawn").isEqualTo(allowed);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void anEmptyLookupGivesNullsAndSaysSo() throws Exception {
        DatasetDocument probation = dataset("probation");
        DatasetDocument emptied = probation.withLookups(probation.lookups().stream()
                .map(l -> l.id().equals("gender")
                        ? new LookupDocument(l.id(), l.title(), l.description(), false, l.source(), List.of())
                        : l)
                .toList());
        SyntheticTable flatfile = DictionaryPlan.tables(emptied, ISSUED).get(0);
        assertThat(csvRows(flatfile, 500))
                .allSatisfy(r -> assertThat(r.get("gender")).isEmpty());
        assertThat(flatfile.flagged()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("gender");
            assertThat(c.note()).contains("no codes").contains("null");
        });
    }

    @Test
    void datesLieInsideTheCoverageAndTheStatedFormat() throws Exception {
        DatasetDocument mags = dataset("magistrates-courts-defendant");
        LocalDate start = mags.coverage().get(0).start();
        LocalDate end = mags.coverage().get(0).end();
        SyntheticTable flatfile = DictionaryPlan.tables(mags, ISSUED).get(0);
        List<String> dateColumns = mags.tables().get(0).variables().stream()
                .filter(v -> "date".equals(v.type()))
                .map(VariableDocument::name)
                .toList();
        assertThat(dateColumns).isNotEmpty();
        LocalDate earliest = LocalDate.MAX;
        LocalDate latest = LocalDate.MIN;
        for (Map<String, String> row : csvRows(flatfile, 25_000)) {
            for (String column : dateColumns) {
                String value = row.get(column);
                assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}");
                LocalDate date = LocalDate.parse(value);
                assertThat(date).isBetween(start, end);
                earliest = date.isBefore(earliest) ? date : earliest;
                latest = date.isAfter(latest) ? date : latest;
            }
        }
        assertThat(earliest).isBefore(start.plusDays(30));
        assertThat(latest).isAfter(end.minusDays(30));
    }

    @Test
    void keysJoinAcrossTablesWithSeveralRowsPerKey() throws Exception {
        List<SyntheticTable> tables = DictionaryPlan.tables(dataset("probation"), ISSUED);
        List<Map<String, String>> events = csvRows(tables.get(0), 5_000);
        List<Map<String, String>> requirements = csvRows(tables.get(1), 5_000);
        Map<String, String> personOfEvent = new HashMap<>();
        events.forEach(e -> personOfEvent.put(e.get("event_id_hash"), e.get("estimated_offender_id")));
        assertThat(personOfEvent).as("one flatfile row per event").hasSize(events.size());
        assertThat(new HashSet<>(personOfEvent.values()).size())
                .as("people have several events")
                .isBetween(events.size() / 4, events.size() * 9 / 10);

        Map<String, Integer> perEvent = new HashMap<>();
        for (Map<String, String> requirement : requirements) {
            String event = requirement.get("event_id_hash");
            assertThat(personOfEvent).containsKey(event);
            assertThat(requirement.get("estimated_offender_id")).isEqualTo(personOfEvent.get(event));
            perEvent.merge(event, 1, Integer::sum);
        }
        assertThat(perEvent.values()).contains(1, 2, 3);
    }

    @Test
    void theLinkingTableJoinsDatasetsThroughItsLookup() throws Exception {
        DatasetDocument linking = dataset("cross-justice-linking");
        DatasetDocument probation = dataset("probation");
        DatasetDocument mags = dataset("magistrates-courts-defendant");
        SyntheticTable xjs = DictionaryPlan.tables(
                        linking, ISSUED, Map.of("probation_delius", probation, "mags_hocas", mags))
                .get(0);
        Set<String> events = new HashSet<>();
        csvRows(DictionaryPlan.tables(probation, ISSUED).get(0), 3_000)
                .forEach(r -> events.add(r.get("event_id_hash")));
        Set<String> cases = new HashSet<>();
        csvRows(DictionaryPlan.tables(mags, ISSUED).get(0), 3_000).forEach(r -> cases.add(r.get("case_id_hash")));

        Map<String, Set<String>> sourcesOfPerson = new HashMap<>();
        for (Map<String, String> link : csvRows(xjs, 3_000)) {
            Set<String> target = link.get("source_dataset").equals("probation_delius") ? events : cases;
            assertThat(target).contains(link.get("row_id_hash"));
            sourcesOfPerson
                    .computeIfAbsent(link.get("estimated_xjs_id"), p -> new HashSet<>())
                    .add(link.get("source_dataset"));
        }
        assertThat(sourcesOfPerson.values())
                .as("some people are in both datasets")
                .anyMatch(s -> s.size() == 2);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        DatasetDocument probation = dataset("probation");
        SyntheticFiles.Origin origin = origin(probation, 7, 3_000);
        byte[] first = zip(probation, origin);
        byte[] second = zip(probation, origin);
        byte[] otherSeed = zip(probation, origin(probation, 8, 3_000));
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(otherSeed);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("README.txt")) {
                    String readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(readme).contains(SyntheticData.STATEMENT, "Seed 7", "release 3", "delius_lic_condition");
                }
            }
        }
        assertThat(names)
                .containsExactly(
                        "README.txt",
                        "delius_flatfile.csv",
                        "delius_flatfile.parquet",
                        "delius_rqmnt.csv",
                        "delius_rqmnt.parquet");
    }

    @Test
    void parquetOpensWithDuckDbWithTheCsvsValuesAndTheStatement() throws Exception {
        DatasetDocument probation = dataset("probation");
        SyntheticTable flatfile = DictionaryPlan.tables(probation, ISSUED).get(0);
        SyntheticFiles.Origin origin = origin(probation, 3, 20_000);
        Path parquet = folder.resolve("flatfile.parquet");
        try (var out = Files.newOutputStream(parquet)) {
            SyntheticFiles.parquet(flatfile, origin, out);
        }
        List<Map<String, String>> csv = csvRows(flatfile, 20_000, 3);
        // The driver directly: in a JVM shared with Quarkus tests DriverManager may not see it.
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                Statement sql = duck.createStatement()) {
            sql.execute("SET threads = 1");
            String file = "'" + parquet + "'";
            try (ResultSet r = sql.executeQuery("SELECT count(*), count(DISTINCT event_id_hash), min(ethnicity_desc) "
                    + "IS NOT NULL FROM read_parquet(" + file + ")")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(20_000);
                assertThat(r.getLong(2)).isEqualTo(20_000);
                assertThat(r.getBoolean(3)).isTrue();
            }
            try (ResultSet r = sql.executeQuery("SELECT * FROM read_parquet(" + file + ") LIMIT 1 OFFSET 12345")) {
                r.next();
                for (SyntheticColumn column : flatfile.columns()) {
                    assertThat(String.valueOf(r.getObject(column.name())))
                            .as(column.name())
                            .isEqualTo(csv.get(12345).get(column.name()));
                }
            }
            try (ResultSet r = sql.executeQuery("SELECT decode(value) FROM parquet_kv_metadata(" + file
                    + ") WHERE decode(key) = 'synthetic.statement'")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo(SyntheticData.STATEMENT);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void csvOpensWithPythonsCsvModule() throws Exception {
        DatasetDocument oasys = dataset("offender-assessment-oasys");
        SyntheticTable widest = DictionaryPlan.tables(oasys, ISSUED).stream()
                .max((a, b) -> Integer.compare(a.columns().size(), b.columns().size()))
                .orElseThrow();
        Path csv = folder.resolve("widest.csv");
        try (var out = Files.newOutputStream(csv)) {
            SyntheticFiles.csv(widest, origin(oasys, 1, 1_000), out);
        }
        Process python = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import csv,sys\n"
                                + "rows=list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                                + "print(len(rows)-1, len(rows[0]), len({len(r) for r in rows}), rows[0][0])",
                        csv.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output)
                .isEqualTo("1000 " + widest.columns().size() + " 1 "
                        + widest.columns().get(0).name());
    }

    private static SyntheticFiles.Origin origin(DatasetDocument dataset, long seed, int rows) {
        return new SyntheticFiles.Origin(dataset.id(), dataset.title(), 3, ISSUED, seed, rows);
    }

    private static byte[] zip(DatasetDocument dataset, SyntheticFiles.Origin origin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticFiles.zip(
                DictionaryPlan.tables(dataset, ISSUED), DictionaryPlan.tablesWithoutVariables(dataset), origin, out);
        return out.toByteArray();
    }

    private static List<Map<String, String>> csvRows(SyntheticTable table, int rows) throws IOException {
        return csvRows(table, rows, 11);
    }

    /** The generated CSV read back field by field (RFC 4180: codes may hold commas and quotes). */
    private static List<Map<String, String>> csvRows(SyntheticTable table, int rows, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticFiles.csv(table, new SyntheticFiles.Origin(table.datasetId(), "", 1, ISSUED, seed, rows), out);
        List<List<String>> records = parse(out.toString(StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<Map<String, String>> result = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record).hasSameSizeAs(header);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), record.get(c));
            }
            result.add(row);
        }
        assertThat(result).hasSize(rows);
        return result;
    }

    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++; // the \n
            } else {
                field.append(c);
            }
        }
        return records;
    }

    /** A dataset's source file with the shared lookups its variables use, as a release holds it. */
    static DatasetDocument dataset(String id) throws IOException {
        DatasetDocument document =
                DocumentParser.dataset(Files.readAllBytes(SOURCES.resolve("datasets/" + id + ".yaml")), id + ".yaml");
        List<LookupDocument> lookups = new ArrayList<>(document.lookups());
        try (var shared = Files.list(SOURCES.resolve("lookups"))) {
            for (Path file : shared.sorted().toList()) {
                lookups.add(DocumentParser.lookup(Files.readAllBytes(file), file.toString()));
            }
        }
        return document.withLookups(lookups);
    }
}
