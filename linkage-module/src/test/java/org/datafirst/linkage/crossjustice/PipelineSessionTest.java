package org.datafirst.linkage.crossjustice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Progress;
import org.datafirst.linkage.pipeline.TermFrequencies;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.datafirst.linkage.sql.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages' one session: a stage's records, put together from sources loaded earlier, are the rows that loading
 * its files would give (same {@code __rid}, columns and term frequencies); no file is read twice; records handed to
 * the next stage are not built again.
 */
class PipelineSessionTest {

    @TempDir
    Path dir;

    @Test
    void buildsEachStagesRecordsFromSourcesLoadedOnceAsLoadingTheirFilesWould() throws IOException {
        // Given: fake_200 split into three source files, and settings with term-frequency adjustments
        List<PipelineConfig.Source> sources = List.of(source("a", 0), source("b", 1), source("c", 2));
        LinkageSettings settings = SettingsParser.parse(ModelJson.MAPPER.readTree(
                Path.of("src/main/resources/examples/fake_1000.json").toFile()));
        assertThat(settings.termFrequencyColumns()).isNotEmpty();
        List<List<Object>> all = loadedByLoadStep(settings, sources);
        List<List<Object>> bc = loadedByLoadStep(settings, sources.subList(1, 3));

        try (PipelineSession session = new PipelineSession(TestDb::open, sources.size())) {
            // When: one stage reads a, the next b and c (handing its records over), then the files go away
            session.load(new LinkageJob(session.db(), Progress.NONE), settings, null, sources.subList(0, 1));
            session.endStage();
            session.load(new LinkageJob(session.db(), Progress.NONE), settings, null, sources.subList(1, 3));
            assertThat(rows(session.db())).isEqualTo(bc);
            session.endStage(LoadStep.TABLE);
            LinkageJob next = new LinkageJob(session.db(), Progress.NONE);
            session.load(next, settings, null, sources.subList(1, 3));
            for (PipelineConfig.Source s : sources) {
                Files.move(s.file(), s.file().resolveSibling(s.file().getFileName() + ".gone"));
            }

            // Then: the handed-over records were reused, and a stage over all three needs no file
            assertThat(next.stepSeconds()).doesNotContainKeys("load", "term_frequencies");
            session.load(new LinkageJob(session.db(), Progress.NONE), settings, null, sources);
            assertThat(rows(session.db())).isEqualTo(all);

            // once records hold every source, the single sources are no longer kept: a stage over one reads its file
            session.endStage();
            assertThatThrownBy(() -> session.load(
                            new LinkageJob(session.db(), Progress.NONE), settings, null, sources.subList(0, 1)))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("a.csv: file not found");
        }
    }

    /** One third of fake_200 (unique_id mod 3 = {@code part}) as a CSV source. */
    private PipelineConfig.Source source(String name, int part) {
        Path file = dir.resolve(name + ".csv");
        try (Engine db = TestDb.open()) {
            db.execute("COPY (SELECT * FROM read_csv("
                    + Sql.string(Path.of("src/test/resources/splink/fake_200.csv")
                            .toAbsolutePath()
                            .toString())
                    + ", all_varchar = true) WHERE unique_id::INT % 3 = " + part + ") TO "
                    + Sql.string(file.toString()) + " (HEADER)");
        }
        return new PipelineConfig.Source(name, file, null, "m", "id", "$.sources[" + part + "]");
    }

    /** What {@link org.datafirst.linkage.pipeline.LinkageJob#load} makes of the files on a session of its own. */
    private static List<List<Object>> loadedByLoadStep(LinkageSettings settings, List<PipelineConfig.Source> sources) {
        try (Engine db = TestDb.open()) {
            LoadStep.run(
                    db,
                    settings,
                    sources.stream()
                            .map(s -> new InputSource(s.dataset(), s.file()))
                            .toList());
            TermFrequencies.run(db, settings);
            return rows(db);
        }
    }

    /** The column names, then every row of {@code records} in {@code __rid} order. */
    private static List<List<Object>> rows(Engine db) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.copyOf(db.columns(LoadStep.TABLE)));
        rows.addAll(db.query("SELECT * FROM " + LoadStep.TABLE + " ORDER BY __rid"));
        return rows;
    }
}
