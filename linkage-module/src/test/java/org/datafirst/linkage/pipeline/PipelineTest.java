package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.quality.Evaluation;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on FEBRL dataset1 (1000 records, 500 true pairs), shipped as a test fixture. */
class PipelineTest {

    static final Path FEBRL1 = Path.of("src/test/resources/febrl/dataset1.csv");

    static LinkageSettings febrlSettings() throws IOException {
        return SettingsParser.parse(febrlJson());
    }

    /** The febrl3 benchmark settings with a smaller u sample, to keep the test fast. */
    static String febrlJson() throws IOException {
        return Files.readString(Path.of("src/main/resources/examples/febrl3.json"))
                .replace("\"u_max_pairs\": 1000000", "\"u_max_pairs\": 200000");
    }

    @Test
    void dedupesFebrl1WithHighAccuracyAndWritesOutputs(@TempDir Path out) throws IOException {
        LinkageSettings s = febrlSettings();
        try (Engine db = TestDb.open()) {
            LinkageJob job = new LinkageJob(db, Progress.NONE);
            assertThat(job.load(s, List.of(InputSource.parse("febrl1=" + FEBRL1))))
                    .isEqualTo(1000);
            LinkageModel model = job.train(s, null);
            assertThat(model.lambda()).isBetween(1e-4, 1e-2);
            assertThat(model.training()).hasSize(3);
            // exact agreement on surname is strong evidence, disagreement is evidence against
            assertThat(model.log2BayesFactor(
                            1, model.settings().comparisons().get(1).levelCount() - 1))
                    .isGreaterThan(5);
            assertThat(model.log2BayesFactor(1, 0)).isLessThan(-2);
            job.predict(model);
            Clusterer.Result clusters = job.cluster(model, s.clustering(), 0.5);
            assertThat(clusters.clusters()).isBetween(480L, 520L);

            Evaluation.Result eval = Evaluation.fromIdPattern(db, s.linkType(), "^rec-(\\d+)", 0.5);
            assertThat(eval.truePairs()).isEqualTo(500);
            assertThat(eval.atThreshold().f1()).isGreaterThan(0.97);
            assertThat(eval.best().f1())
                    .isGreaterThanOrEqualTo(eval.atThreshold().f1());

            Path lookup = OutputWriter.writeLinkingLookup(db, s, out, FileFormat.PARQUET);
            var cols = db.query("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('" + lookup + "'))");
            assertThat(cols).extracting(r -> r.get(0)).containsExactly("row_id_hash", "source_dataset", "person_id");
            assertThat(db.queryLong("SELECT count(*) FROM read_parquet('" + lookup + "')"))
                    .isEqualTo(1000);
            Path clustersCsv = OutputWriter.writeClusters(db, s, out, FileFormat.CSV);
            assertThat(Files.readAllLines(clustersCsv).get(0)).isEqualTo("source_dataset,unique_id,person_id");
            OutputWriter.writeScoredPairs(db, s, out, FileFormat.PARQUET);
            assertThat(db.queryDouble("SELECT min(match_probability) FROM read_parquet('"
                            + out.resolve("scored_pairs.parquet") + "')"))
                    .isGreaterThanOrEqualTo(0.01);
        }
    }

    @Test
    void modelJsonRoundTripsAndScoresTheSame(@TempDir Path out) throws IOException {
        LinkageSettings s = febrlSettings();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(febrlJson());
        try (Engine db = TestDb.open()) {
            LinkageJob job = new LinkageJob(db, Progress.NONE);
            job.load(s, List.of(InputSource.parse("febrl1=" + FEBRL1)));
            LinkageModel model = job.train(s, json);
            ModelJson.write(model, out.resolve("model.json"));
            LinkageModel back = ModelJson.read(out.resolve("model.json"));
            assertThat(back.lambda()).isEqualTo(model.lambda());
            assertThat(back.m()).isDeepEqualTo(model.m());
            assertThat(back.u()).isDeepEqualTo(model.u());
            assertThat(back.settings()).isEqualTo(model.settings());
        }
    }

    @Test
    void badInputNamesFileRowAndColumn(@TempDir Path dir) throws IOException {
        LinkageSettings s =
                SettingsParser.parse(Files.readString(Path.of("src/main/resources/examples/fake_1000.json")));
        Path missingColumn = dir.resolve("a.csv");
        Files.writeString(missingColumn, "unique_id,first_name,surname,dob,city\n1,a,b,2000-01-01,x\n");
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(db, s, List.of(InputSource.parse(missingColumn.toString()))))
                    .isInstanceOf(org.datafirst.linkage.settings.InvalidSettingsException.class)
                    .hasMessage("$.blocking_rules_to_generate_predictions[3].block_on[0]: column 'email' not found in "
                            + missingColumn + " (columns: unique_id, first_name, surname, dob, city)");
        }
        Path duplicate = dir.resolve("b.csv");
        Files.writeString(duplicate, "unique_id,first_name,surname,dob,city,email\n1,a,b,,x,\n2,a,b,,x,\n1,c,d,,y,\n");
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(db, s, List.of(InputSource.parse(duplicate.toString()))))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("b.csv: row 3: unique id '1' appears more than once");
        }
        Path emptyId = dir.resolve("c.csv");
        Files.writeString(emptyId, "unique_id,first_name,surname,dob,city,email\n1,a,b,,x,\n  ,a,b,,x,\n");
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(db, s, List.of(InputSource.parse(emptyId.toString()))))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("c.csv: row 2: unique id is empty");
        }
        Path extraField = dir.resolve("d.csv");
        Files.writeString(extraField, "unique_id,first_name,surname,dob,city,email\n1,a,b,,x,\n2,a,b,,x,,surplus\n");
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(db, s, List.of(InputSource.parse(extraField.toString()))))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("d.csv: row 2: expected 6 columns, found 7");
        }
        Path quote = dir.resolve("e.csv");
        Files.writeString(quote, "unique_id,first_name,surname,dob,city,email\n1,a,b,,x,\n2,\"a,b,,x,\n");
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(db, s, List.of(InputSource.parse(quote.toString()))))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("e.csv: row 2: Value with unterminated quote");
        }
        Path dupHeader = dir.resolve("f.csv");
        Files.writeString(dupHeader, "unique_id,first_name,first_name,dob,city,email\n1,a,b,,x,\n");
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(db, s, List.of(InputSource.parse(dupHeader.toString()))))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("f.csv: row 0 (header), column 3: duplicate column name");
        }
        try (Engine db = TestDb.open()) {
            assertThatThrownBy(() -> LoadStep.run(
                            db,
                            s,
                            List.of(InputSource.parse(dir.resolve("nope.csv").toString()))))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("nope.csv: file not found");
        }
    }

    @Test
    void loadStandardisesAndTermFrequenciesAreShares(@TempDir Path dir) throws IOException {
        LinkageSettings s =
                SettingsParser.parse(Files.readString(Path.of("src/main/resources/examples/fake_1000.json")));
        Path f = dir.resolve("x.csv");
        Files.writeString(
                f,
                "unique_id,first_name,surname,dob,city,email\n1, Ann ,Lee,,London,\n2,ANN,lee, ,london,a@b\n3,bob,,,,\n4,ann,x,,,\n");
        try (Engine db = TestDb.open()) {
            LoadStep.run(db, s, List.of(InputSource.parse("people=" + f)));
            TermFrequencies.run(db, s);
            var rows = db.query(
                    "SELECT __sd, first_name, surname, dob, __tf_first_name, __tf_city FROM records ORDER BY __rid");
            assertThat(rows.get(0)).containsExactly("people", "ann", "lee", null, 0.75, 1.0);
            assertThat(rows.get(2)).containsExactly("people", "bob", null, null, 0.25, null);
        }
    }
}
