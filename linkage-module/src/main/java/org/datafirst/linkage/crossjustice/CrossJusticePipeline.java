package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.ids.StableIds;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.io.OutputReader;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.io.PreviousRun;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Predictor;
import org.datafirst.linkage.pipeline.Progress;
import org.datafirst.linkage.pipeline.StableIdStep;
import org.datafirst.linkage.quality.ClusterEvaluation;
import org.datafirst.linkage.quality.Disclosure;
import org.datafirst.linkage.quality.Evaluation;
import org.datafirst.linkage.quality.IdChangesSection;
import org.datafirst.linkage.quality.QualityReport;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * The cross-justice linkage run as MoJ runs it: train once per model, deduplicate each dataset with its
 * model, link across datasets, cluster once for the cross-justice id, and report on the whole. Stages, in
 * order, each skipped when its inputs have not changed ({@link StageRunner}), all on one engine session that
 * loads each source file once ({@link PipelineSession}):
 * <ol>
 * <li>{@code train:<model>} for each dedupe model trained here → {@code models/<model>.json};</li>
 * <li>{@code dedupe:<dataset>}: predict and cluster within the dataset → {@code datasets/<dataset>/person_ids}
 * ({@code unique_id, <dataset person id>}) and the dataset's quality report;</li>
 * <li>{@code train:<link model>} when the link model is trained here;</li>
 * <li>{@code predict:cross}: pairs across datasets with the link model → {@code cross/scored_pairs.parquet};</li>
 * <li>{@code cluster:cross_justice}: one clustering over the cross-dataset pairs and each dataset's own
 * clusters, kept whole ({@link WithinDatasetIds}) → {@code linking_lookup} ({@code row_id_hash,
 * source_dataset, estimated_xjs_id}) and the cross-justice quality report;</li>
 * <li>{@code report}: one quality report for the run ({@link CombinedReport}).</li>
 * </ol>
 * Every step is the module's own (load, train, predict, cluster, report); this class only wires files and tables
 * between them. Person ids of both families are minted in {@link PersonIds}.
 */
public final class CrossJusticePipeline {

    public static final String REPORT = "quality-report.json";
    public static final String EVALUATION = "evaluation.json";
    static final String ROLE = "__pipeline_role";
    /** The key of the cross-justice id family among the per-family previous states (dataset names are the others). */
    private static final String CROSS = "(cross-justice)";

    /**
     * @param truthColumn input column holding the true person (synthetic data), or null: each stage's report
     *        then evaluates the person ids against it
     * @param force run every stage even when its inputs have not changed
     * @param previous the output folder of the previous pipeline run whose person ids this run carries over, or null
     */
    public record Options(
            Supplier<Engine> engine,
            FileFormat format,
            int minCount,
            String truthColumn,
            boolean force,
            Path previous) {}

    /** What the run did: each stage (ran or skipped) and the combined report. */
    public record Result(Map<String, StageRunner.Outcome> stages, ObjectNode report) {}

    private final PipelineConfig config;
    private final Path out;
    private final Options options;
    private final Consumer<String> log;
    private final Disclosure disclosure;
    private Map<String, PipelineChecks.LoadedModel> models;
    /** Per id family (a dataset's name, or {@link #CROSS} for the cross-justice id), the previous run's ids; empty without --previous. */
    private Map<String, PreviousRun.Contents> previous = Map.of();
    /** The run's engine session, shared by the stages so that each source file is loaded once. */
    private PipelineSession session;
    /** Whether {@code predict:cross} ran in this session and left its pairs for {@code cluster:cross_justice}. */
    private boolean crossPairsHandedOver;

    private StageRunner stages;

    public CrossJusticePipeline(PipelineConfig config, Path out, Options options, Consumer<String> log) {
        this.config = config;
        this.out = out;
        this.options = options;
        this.log = log;
        this.disclosure = new Disclosure(options.minCount());
    }

    /** Checks everything that can be checked before any work (refusing with the place), then runs the stages. */
    public Result run() {
        Instant started = Instant.now();
        try (PipelineSession shared =
                new PipelineSession(options.engine(), config.sources().size())) {
            session = shared;
            Engine db = session.db();
            models = PipelineChecks.check(config, db);
            requireTruthColumn(db);
            previous = openPrevious(db);
            stages = new StageRunner(out, options.force(), log);
            // the link model trains last, just before it predicts: both read every source, loaded once for the two
            PipelineChecks.LoadedModel link = models.get(config.crossDataset().model());
            for (PipelineChecks.LoadedModel m : models.values()) {
                if (m.trained() == null && m != link) {
                    train(m);
                }
            }
            for (PipelineConfig.Source s : config.sources()) {
                dedupe(s);
            }
            if (link.trained() == null) {
                train(link);
            }
            predictCross();
            clusterCrossJustice();
        } finally {
            session = null;
        }
        Path report = out.resolve(REPORT);
        List<Object> parts = new ArrayList<>(List.of("report", options.minCount(), stages.hash(config.file())));
        stages.outcomes().values().forEach(o -> parts.add(o.inputHash()));
        ObjectNode[] combined = new ObjectNode[1];
        stages.run("report", stages.hash(parts.toArray()), List.of(report), () -> {
            combined[0] = CombinedReport.build(config, out, stages.outcomes(), started, disclosure);
            write(combined[0], report);
        });
        return new Result(stages.outcomes(), combined[0] != null ? combined[0] : readJson(report));
    }

    private void train(PipelineChecks.LoadedModel m) {
        List<PipelineConfig.Source> on = config.trainingSources(m.spec());
        List<Object> parts = new ArrayList<>(List.of("train", m.spec().settings()));
        on.forEach(s -> parts.addAll(List.of(s.dataset(), s.file())));
        Path file = modelFile(m.spec().name());
        stages.run("train:" + m.spec().name(), stages.hash(parts.toArray()), List.of(file), () -> {
            try {
                LinkageJob job = new LinkageJob(session.db(), Progress.NONE);
                LinkageSettings settings =
                        PipelineSettings.of(m.settings(), null, m.settings().personIdColumn());
                session.load(job, settings, m.settingsJson(), on);
                requireDatasetNames(session.db(), on);
                write(job.train(settings, m.settingsJson()), file);
            } finally {
                // training only reads the records: the next stage reuses them when it reads the same sources
                session.endStage(LoadStep.TABLE);
            }
        });
    }

    private void dedupe(PipelineConfig.Source s) {
        Path ids = idsFile(s);
        Path report = datasetDir(s).resolve(REPORT);
        PreviousRun.Contents prev = previous.get(s.dataset());
        List<Object> parts = new ArrayList<>(Arrays.asList(
                "dedupe",
                s.dataset(),
                s.file(),
                s.roleColumn(),
                s.personIdColumn(),
                modelFile(s.model()),
                options.format(),
                options.minCount(),
                options.truthColumn()));
        parts.addAll(previousParts(prev));
        stages.run("dedupe:" + s.dataset(), stages.hash(parts.toArray()), outputs(ids, report, prev), () -> {
            Instant started = Instant.now();
            try {
                Engine db = session.db();
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageModel model = PipelineSettings.of(readModel(s.model()), s.roleColumn(), s.personIdColumn());
                session.load(job, model.settings(), null, List.of(s));
                requireDatasetNames(db, List.of(s));
                job.predict(model);
                Clusterer.Result clusters = job.cluster(
                        model, model.settings().clustering(), model.settings().matchThreshold());
                StableIds.Result carried = PersonIds.mintDatasetIds(db, s.dataset(), prev);
                writeIds(db, model.settings(), ids);
                writeIdState(db, model.settings(), carried, datasetDir(s));
                ObjectNode r = report(db, job, model, clusters.method(), started, datasetDir(s));
                addIdChanges(r, carried);
                write(r, report);
            } finally {
                session.endStage();
            }
        });
    }

    private void predictCross() {
        List<Object> parts = new ArrayList<>(
                List.of("predict", modelFile(config.crossDataset().model())));
        config.sources().forEach(s -> parts.addAll(List.of(s.dataset(), s.file())));
        stages.run("predict:cross", stages.hash(parts.toArray()), List.of(crossPairs()), () -> {
            try {
                Engine db = session.db();
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageModel model = crossModel();
                session.load(job, model.settings(), null, config.sources());
                job.predict(model);
                OutputWriter.writeScoredPairs(db, model.settings(), crossPairs().getParent(), FileFormat.PARQUET);
                // the next stage clusters these records and pairs: it takes them over instead of loading both
                // again; the pairs it keeps are those of the file, at or above the floor
                db.createTable(
                        Predictor.TABLE,
                        "SELECT * FROM " + Predictor.TABLE + " WHERE match_probability IS NULL OR match_probability >= "
                                + Sql.number(model.settings().scoredPairsFloor()));
                crossPairsHandedOver = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                session.endStage(LoadStep.TABLE, Predictor.TABLE);
            }
        });
    }

    private void clusterCrossJustice() {
        Path lookup = out.resolve("linking_lookup." + options.format().extension());
        Path report = crossDir().resolve(REPORT);
        List<Object> parts = new ArrayList<>(Arrays.asList(
                "cluster",
                stages.hashOf("predict:cross"),
                config.crossDataset().personIdColumn(),
                options.format(),
                options.minCount(),
                options.truthColumn()));
        config.sources()
                .forEach(s -> parts.addAll(
                        Arrays.asList(s.dataset(), s.roleColumn(), stages.hashOf("dedupe:" + s.dataset()))));
        PreviousRun.Contents prev = previous.get(CROSS);
        parts.addAll(previousParts(prev));
        stages.run("cluster:cross_justice", stages.hash(parts.toArray()), outputs(lookup, report, prev), () -> {
            Instant started = Instant.now();
            boolean handedOver = crossPairsHandedOver;
            crossPairsHandedOver = false;
            try {
                Engine db = session.db();
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageModel model = crossModel();
                session.load(job, model.settings(), null, config.sources());
                if (!handedOver) {
                    OutputReader.scoredPairs(db, crossPairs(), Predictor.TABLE, true);
                }
                WithinDatasetIds.load(db, config.sources(), this::idsFile);
                String pairs = WithinDatasetIds.pairsWithDatasetClusters(db, Predictor.TABLE);
                LinkageModel clustering = WithinDatasetIds.clusteringModel(model);
                Clusterer.Result clusters = job.timed(
                        "cluster",
                        () -> Clusterer.run(
                                db,
                                clustering,
                                clustering.settings().clustering(),
                                pairs,
                                model.settings().matchThreshold()));
                long moved = WithinDatasetIds.keepWhole(db);
                StableIds.Result carried = PersonIds.mintCrossJusticeIds(db, prev);
                try {
                    OutputWriter.writeLinkingLookup(db, model.settings(), out, options.format());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                writeIdState(db, model.settings(), carried, crossDir());
                addRoles(db);
                ObjectNode r = report(
                        db,
                        job,
                        PipelineSettings.of(model, ROLE, model.settings().personIdColumn()),
                        clusters.method(),
                        started,
                        report.getParent());
                r.putObject("pipeline").set("records_moved_to_keep_dataset_ids_whole", disclosure.count(moved));
                addIdChanges(r, carried);
                write(r, report);
            } finally {
                session.endStage();
            }
        });
    }

    /**
     * The stage's quality report; with a truth column also {@code evaluation.json} in {@code dir}: the raw figures of the
     * person ids against the truth, for the operator (not for publication: counts are not suppressed).
     */
    private ObjectNode report(
            Engine db,
            LinkageJob job,
            LinkageModel model,
            org.datafirst.linkage.settings.ClusteringSettings.Method method,
            Instant started,
            Path dir) {
        Evaluation.Result eval = null;
        ClusterEvaluation clusterEval = null;
        double t = model.settings().matchThreshold();
        if (options.truthColumn() != null) {
            eval = job.timed(
                    "evaluate",
                    () -> Evaluation.fromTruthColumn(db, model.settings().linkType(), options.truthColumn(), t));
            String method0 = eval.method();
            clusterEval = job.timed(
                    "evaluate", () -> ClusterEvaluation.fromTruth(db, Sql.ident(options.truthColumn()), method0, t));
            write(rawEvaluation(eval, clusterEval), dir.resolve(EVALUATION));
        } else {
            deleteIfExists(dir.resolve(EVALUATION));
        }
        double seconds = java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new QualityReport(db, model, disclosure)
                .build(started, seconds, job.stepSeconds(), method, eval, clusterEval);
    }

    private static ObjectNode rawEvaluation(Evaluation.Result pairs, ClusterEvaluation clusters) {
        ObjectNode o = ModelJson.MAPPER.createObjectNode();
        o.put("what", "person ids against the truth column; raw counts for the operator, not for publication");
        o.set("accepted_pairs", ModelJson.MAPPER.valueToTree(pairs.atThreshold()));
        o.set("clusters_pairwise", ModelJson.MAPPER.valueToTree(clusters.pairwise()));
        o.set("clusters_bcubed", ModelJson.MAPPER.valueToTree(clusters.bcubed()));
        return o;
    }

    /** Each source's role column as one column, so the cross-justice report groups by dataset and role. */
    private void addRoles(Engine db) {
        StringBuilder role = new StringBuilder("CASE __sd");
        boolean any = false;
        for (PipelineConfig.Source s : config.sources()) {
            if (s.roleColumn() != null) {
                role.append(" WHEN ")
                        .append(Sql.text(s.dataset()))
                        .append(" THEN ")
                        .append(Sql.ident(s.roleColumn()));
                any = true;
            }
        }
        role.append(" ELSE NULL END");
        db.createTable(
                LoadStep.TABLE,
                "SELECT *, CAST(" + (any ? role : "NULL") + " AS "
                        + db.dialect().textType() + ") AS " + ROLE + " FROM " + LoadStep.TABLE);
    }

    private void requireTruthColumn(Engine db) {
        if (options.truthColumn() == null) {
            return;
        }
        for (PipelineConfig.Source s : config.sources()) {
            List<String> header = LoadStep.header(db, new InputSource(s.dataset(), s.file()));
            if (header.stream().noneMatch(h -> h.equalsIgnoreCase(options.truthColumn()))) {
                throw new InputDataException("--truth-column: column '" + options.truthColumn() + "' not found in "
                        + s.file() + " (" + s.path() + ")");
            }
        }
    }

    /** A file with a source dataset column must name the dataset the pipeline file gives it. */
    private static void requireDatasetNames(Engine db, List<PipelineConfig.Source> sources) {
        for (PipelineConfig.Source s : sources) {
            var other = db.query(
                    "SELECT __sd, min(__row) FROM " + LoadStep.TABLE
                            + " WHERE __file = ? AND __sd <> ? GROUP BY __sd LIMIT 1",
                    s.file().toString(),
                    s.dataset());
            if (!other.isEmpty()) {
                throw new InputDataException(s.file() + ": row " + other.get(0).get(1) + ": source dataset '"
                        + other.get(0).get(0) + "' is not the dataset '" + s.dataset() + "' that " + s.path()
                        + " names");
            }
        }
    }

    /**
     * Checks {@code --previous} before any work: the folder of an earlier pipeline run, with the id state of the
     * cross-justice id ({@code cross/state/}) and of each dataset it deduplicated ({@code datasets/<dataset>/state/}),
     * each checked as {@code run --previous} checks its folder. A dataset the earlier run did not have (no
     * {@code datasets/<dataset>/} there) starts its ids afresh.
     */
    private Map<String, PreviousRun.Contents> openPrevious(Engine db) {
        Path dir = options.previous();
        if (dir == null) {
            return Map.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new InputDataException(
                    "--previous " + dir + ": not a directory (give the --out folder of an earlier pipeline run)");
        }
        if (sameFolder(dir, out)) {
            throw new IllegalArgumentException(
                    "--previous " + dir + ": is the --out folder; write the refresh to a new folder");
        }
        Map<String, PreviousRun.Contents> found = new java.util.LinkedHashMap<>();
        found.put(
                CROSS,
                PreviousRun.open(
                        db,
                        dir.resolve("cross"),
                        "--previous",
                        config.crossDataset().personIdColumn()));
        for (PipelineConfig.Source s : config.sources()) {
            Path d = dir.resolve("datasets").resolve(s.dataset());
            if (Files.exists(d)) {
                found.put(s.dataset(), PreviousRun.open(db, d, "--previous", s.personIdColumn()));
            }
        }
        return found;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** What of the previous run a stage's hash covers: the contents of the id state it carries ids from. */
    private static List<Object> previousParts(PreviousRun.Contents prev) {
        return prev == null
                ? List.of("no previous ids")
                : List.of("previous ids", prev.records(), prev.records().resolveSibling(PreviousRun.IDS));
    }

    /** {@code state/} for the next refresh and, when ids were carried over, {@code id_changes} beside it. */
    private void writeIdState(Engine db, LinkageSettings settings, StableIds.Result carried, Path dir) {
        try {
            if (carried != null) {
                OutputWriter.writeIdChanges(db, settings, dir, options.format());
            } else {
                deleteIfExists(dir.resolve("id_changes." + options.format().extension()));
            }
            PreviousRun.write(
                    db,
                    settings.personIdColumn(),
                    carried == null ? StableIdStep.firstRunState(db) : carried.next(),
                    dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addIdChanges(ObjectNode report, StableIds.Result carried) {
        if (carried != null) {
            report.set("id_changes", IdChangesSection.json(carried.counts(), disclosure));
        }
    }

    /**
     * A stage's outputs: its files, the id state for the next refresh, {@code id_changes} when ids were carried over and,
     * with a truth column, the evaluation beside its report.
     */
    private List<Path> outputs(Path data, Path report, PreviousRun.Contents prev) {
        Path dir = report.getParent();
        List<Path> files = new ArrayList<>(List.of(
                data,
                report,
                dir.resolve(PreviousRun.FOLDER).resolve(PreviousRun.RECORDS),
                dir.resolve(PreviousRun.FOLDER).resolve(PreviousRun.IDS)));
        if (prev != null) {
            files.add(dir.resolve("id_changes." + options.format().extension()));
        }
        if (options.truthColumn() != null) {
            files.add(dir.resolve(EVALUATION));
        }
        return files;
    }

    private LinkageModel crossModel() {
        return PipelineSettings.of(
                readModel(config.crossDataset().model()),
                null,
                config.crossDataset().personIdColumn());
    }

    private LinkageModel readModel(String name) {
        PipelineChecks.LoadedModel m = models.get(name);
        if (m.trained() != null) {
            return m.trained();
        }
        try {
            return ModelJson.read(modelFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path modelFile(String name) {
        PipelineConfig.Model m = config.model(name);
        return m.trainedHere() ? out.resolve("models").resolve(name + ".json") : m.trainedModel();
    }

    private Path datasetDir(PipelineConfig.Source s) {
        return out.resolve("datasets").resolve(s.dataset());
    }

    private Path crossDir() {
        return out.resolve("cross");
    }

    private Path idsFile(PipelineConfig.Source s) {
        return datasetDir(s).resolve("person_ids." + options.format().extension());
    }

    private Path crossPairs() {
        return out.resolve("cross").resolve("scored_pairs.parquet");
    }

    private static void writeIds(Engine db, LinkageSettings settings, Path file) {
        try {
            OutputWriter.writeDatasetPersonIds(db, settings, file, formatOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileFormat formatOf(Path file) {
        return file.getFileName().toString().endsWith(".csv") ? FileFormat.CSV : FileFormat.PARQUET;
    }

    private static void write(Object value, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (value instanceof LinkageModel m) {
                ModelJson.write(m, file);
            } else {
                ModelJson.MAPPER.writeValue(file.toFile(), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode readJson(Path file) {
        try {
            return (ObjectNode) ModelJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
