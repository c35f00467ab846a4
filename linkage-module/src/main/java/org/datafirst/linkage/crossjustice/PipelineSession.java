package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.TermFrequencies;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * The pipeline run's one engine session, opened when the first stage needs it. Each source file is read and
 * standardised once ({@link LoadStep} on that file alone, kept as a table of its own) however many stages read it:
 * a stage's {@code records} are the tables of its sources put together with {@code __rid} numbered on across them,
 * which is exactly what {@link LoadStep} makes of the same files, and its term frequencies are computed over them
 * as {@link LinkageJob#load} does. So a stage scores the same records as if it had loaded its files itself.
 *
 * <p>Between stages everything a stage made is dropped, except what it hands to the next stage
 * ({@link #endStage}). Once one stage's records hold every source, the tables of single sources are dropped too
 * (a later stage that reads fewer sources would read their files again), so the run holds at most one copy of
 * the records beside the stage's work, as a single {@code run} does.
 */
final class PipelineSession implements AutoCloseable {

    private static final String SOURCE_TABLE = "__source_";

    private final Supplier<Engine> open;
    private final int allSources;
    private Engine db;
    /** Per source as loaded (file, dataset and the settings that standardise it), its table. */
    private final Map<String, String> sourceTables = new LinkedHashMap<>();
    /** What {@code records} holds now (its sources and term-frequency columns), or null. */
    private String recordsKey;

    /** @param allSources how many sources the pipeline has: records holding that many make single tables redundant */
    PipelineSession(Supplier<Engine> open, int allSources) {
        this.open = open;
        this.allSources = allSources;
    }

    Engine db() {
        if (db == null) {
            db = open.get();
        }
        return db;
    }

    /**
     * Makes {@code records} the given sources, standardised for {@code settings}, with their term frequencies (timed
     * as the job's steps {@code load} and {@code term_frequencies}); reuses {@code records} when a stage handed over
     * the same.
     */
    void load(LinkageJob job, LinkageSettings settings, JsonNode settingsJson, List<PipelineConfig.Source> sources) {
        Engine d = db();
        List<String> keys = sources.stream().map(s -> sourceKey(settings, s)).toList();
        String key = String.join("\u001e", keys) + "\u001e" + settings.termFrequencyColumns();
        if (!key.equals(recordsKey)) {
            recordsKey = null;
            job.timed("load", () -> {
                List<String> tables = new ArrayList<>();
                for (int i = 0; i < sources.size(); i++) {
                    tables.add(sourceTable(d, settings, settingsJson, sources.get(i), keys.get(i)));
                }
                combine(d, tables);
                return 0L;
            });
            job.timed("term_frequencies", () -> {
                TermFrequencies.run(d, settings);
                return 0L;
            });
            recordsKey = key;
        }
    }

    /**
     * Ends a stage: drops every table it made except {@code handOver} (e.g. {@code records} and the scored pairs the
     * next stage clusters). {@code records} that are not handed over are dropped too, since a stage may have changed
     * them (added its evaluation or clustering columns).
     */
    void endStage(String... handOver) {
        if (db == null) {
            return;
        }
        Set<String> keep = new HashSet<>(List.of(handOver));
        keep.addAll(sourceTables.values());
        if (!keep.contains(LoadStep.TABLE)) {
            recordsKey = null;
        }
        for (String table : db.tables()) {
            if (!keep.contains(table)) {
                db.dropTable(table);
            }
        }
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** The table of one source, standardised for {@code settings}: loaded from its file the first time it is asked for. */
    private String sourceTable(
            Engine d, LinkageSettings settings, JsonNode settingsJson, PipelineConfig.Source s, String key) {
        String table = sourceTables.get(key);
        if (table == null) {
            LoadStep.run(d, settings, settingsJson, List.of(new InputSource(s.dataset(), s.file())));
            table = SOURCE_TABLE + sourceTables.size();
            d.dropTable(table);
            d.renameTable(LoadStep.TABLE, table);
            sourceTables.put(key, table);
        }
        return table;
    }

    /** {@code records} from the sources' tables in order, {@code __rid} numbered on from one to the next as LoadStep numbers files. */
    private void combine(Engine d, List<String> tables) {
        // the union of the sources' columns, by name; a source without a column gives NULL there
        Set<String> columns = new LinkedHashSet<>();
        for (String table : tables) {
            columns.addAll(d.columns(table));
        }
        List<String> parts = new ArrayList<>();
        long offset = 0;
        for (String table : tables) {
            List<String> has = d.columns(table);
            long from = offset;
            parts.add("SELECT "
                    + columns.stream()
                            .map(c -> c.equals("__rid")
                                    ? "CAST(__rid + " + from + " AS BIGINT) AS __rid"
                                    : (has.contains(c) ? Sql.ident(c) : "NULL") + " AS " + Sql.ident(c))
                            .collect(Collectors.joining(", "))
                    + " FROM " + table);
            offset += d.queryLong("SELECT count(*) FROM " + table);
        }
        d.createTable(LoadStep.TABLE, String.join(" UNION ALL ", parts));
        if (tables.size() >= allSources) {
            for (String table : tables) {
                d.dropTable(table);
            }
            sourceTables.values().removeAll(tables);
        }
    }

    /** What makes one source's standardised records: its file and name and the settings that LoadStep reads. */
    private static String sourceKey(LinkageSettings settings, PipelineConfig.Source s) {
        return String.join(
                "\u001f",
                s.dataset(),
                s.file().toAbsolutePath().normalize().toString(),
                settings.uniqueIdColumn(),
                String.valueOf(settings.sourceDatasetColumn()),
                String.valueOf(settings.lowercase()));
    }
}
