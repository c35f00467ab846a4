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
import java.util.function.Function;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.io.OutputReader;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.datafirst.linkage.pipeline.EngineOptions;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Predictor;
import org.datafirst.linkage.pipeline.Progress;
import org.datafirst.linkage.quality.ClusterEvaluation;
import org.datafirst.linkage.quality.Disclosure;
import org.datafirst.linkage.quality.Evaluation;
import org.datafirst.linkage.quality.QualityReport;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * The cross-justice linkage run as MoJ runs it: train once per model, deduplicate each dataset with its
 * model, link across datasets, cluster once for the cross-justice id, and report on the whole. Stages, in
 * order, each on its own engine session and each skipped when its inputs have not changed
 * ({@link StageRunner}):
 * <ol>
 * <li>{@code train:<model>} for each model trained here → {@code models/<model>.json};</li>
 * <li>{@code dedupe:<dataset>}: predict and cluster within the dataset → {@code datasets/<dataset>/person_ids}
 * ({@code unique_id, <dataset person id>}) and the dataset's quality report;</li>
 * <li>{@code predict:cross}: pairs across datasets with the link model → {@code cross/scored_pairs.parquet};</li>
 * <li>{@code cluster:cross_justice}: one clustering over the cross-dataset pairs and each dataset's own
 * clusters, kept whole ({@link WithinDatasetIds}) → {@code linking_lookup} ({@code row_id_hash,
 * source_dataset, estimated_xjs_id}) and the cross-justice quality report;</li>
 * <li>{@code report}: one quality report for the run ({@link CombinedReport}).</li>
 * </ol>
 * Every step is the module's own (load, train, predict, cluster, report); this class only wires files
 * between them. Person ids of both families are minted in {@link PersonIds}.
 */
public final class CrossJusticePipeline {

    public static final String REPORT = "quality-report.json";
    public static final String EVALUATION = "evaluation.json";
    static final String ROLE = "__pipeline_role";

    /**
     * @param truthColumn input column holding the true person (synthetic data), or null: each stage's report
     *        then evaluates the person ids against it
     * @param force run every stage even when its inputs have not changed
     */
    public record Options(
            EngineOptions engine, OutputWriter.Format format, int minCount, String truthColumn, boolean force) {}

    /** What the run did: each stage (ran or skipped) and the combined report. */
    public record Result(Map<String, StageRunner.Outcome> stages, ObjectNode report) {}

    private final PipelineConfig config;
    private final Path out;
    private final Options options;
    private final Consumer<String> log;
    private final Function<EngineOptions, DuckDbSession> engine;
    private final Disclosure disclosure;
    private Map<String, PipelineChecks.LoadedModel> models;
    /** The session of {@code predict:cross} (records and pairs loaded), handed to {@code cluster:cross_justice}. */
    private DuckDbSession crossSession;

    private StageRunner stages;

    public CrossJusticePipeline(PipelineConfig config, Path out, Options options, Consumer<String> log) {
        this.config = config;
        this.out = out;
        this.options = options;
        this.log = log;
        this.engine = DuckDbSession::open;
        this.disclosure = new Disclosure(options.minCount());
    }

    /** Checks everything that can be checked before any work (refusing with the place), then runs the stages. */
    public Result run() {
        Instant started = Instant.now();
        try (DuckDbSession db = engine.apply(options.engine())) {
            models = PipelineChecks.check(config, db);
            requireTruthColumn(db);
        }
        stages = new StageRunner(out, options.force(), log);
        for (PipelineChecks.LoadedModel m : models.values()) {
            if (m.trained() == null) {
                train(m);
            }
        }
        for (PipelineConfig.Source s : config.sources()) {
            dedupe(s);
        }
        try {
            predictCross();
            clusterCrossJustice();
        } finally {
            if (crossSession != null) {
                crossSession.close();
            }
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
            try (DuckDbSession db = engine.apply(options.engine())) {
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageSettings settings =
                        PipelineSettings.of(m.settings(), null, m.settings().personIdColumn());
                job.load(settings, m.settingsJson(), inputs(on));
                requireDatasetNames(db, on);
                write(job.train(settings, m.settingsJson()), file);
            }
        });
    }

    private void dedupe(PipelineConfig.Source s) {
        Path ids = idsFile(s);
        Path report = datasetDir(s).resolve(REPORT);
        String hash = stages.hash(
                "dedupe",
                s.dataset(),
                s.file(),
                s.roleColumn(),
                s.personIdColumn(),
                modelFile(s.model()),
                options.format(),
                options.minCount(),
                options.truthColumn());
        stages.run("dedupe:" + s.dataset(), hash, outputs(ids, report), () -> {
            Instant started = Instant.now();
            try (DuckDbSession db = engine.apply(options.engine())) {
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageModel model = PipelineSettings.of(readModel(s.model()), s.roleColumn(), s.personIdColumn());
                job.load(model.settings(), inputs(List.of(s)));
                requireDatasetNames(db, List.of(s));
                job.predict(model);
                Clusterer.Result clusters = job.cluster(
                        model, model.settings().clustering(), model.settings().matchThreshold());
                PersonIds.mintDatasetIds(db, s.dataset());
                writeIds(db, model.settings(), ids);
                write(report(db, job, model, clusters.method(), started, datasetDir(s)), report);
            }
        });
    }

    private void predictCross() {
        List<Object> parts = new ArrayList<>(
                List.of("predict", modelFile(config.crossDataset().model())));
        config.sources().forEach(s -> parts.addAll(List.of(s.dataset(), s.file())));
        stages.run("predict:cross", stages.hash(parts.toArray()), List.of(crossPairs()), () -> {
            DuckDbSession db = engine.apply(options.engine());
            try {
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageModel model = crossModel();
                job.load(model.settings(), inputs(config.sources()));
                job.predict(model);
                OutputWriter.writeScoredPairs(
                        db, model.settings(), crossPairs().getParent(), OutputWriter.Format.PARQUET);
                // the next stage clusters these records and pairs: it takes the session over instead of loading both
                // again; the pairs it keeps are those of the file, at or above the floor
                db.execute("DELETE FROM " + Predictor.TABLE + " WHERE match_probability < "
                        + Sql.number(model.settings().scoredPairsFloor()));
                crossSession = db;
            } catch (IOException e) {
                db.close();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        });
    }

    private void clusterCrossJustice() {
        Path lookup = out.resolve("linking_lookup." + options.format().extension());
        Path report = out.resolve("cross").resolve(REPORT);
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
        stages.run("cluster:cross_justice", stages.hash(parts.toArray()), outputs(lookup, report), () -> {
            Instant started = Instant.now();
            boolean loaded = crossSession != null;
            try (DuckDbSession db = loaded ? crossSession : engine.apply(options.engine())) {
                crossSession = null;
                LinkageJob job = new LinkageJob(db, Progress.NONE);
                LinkageModel model = crossModel();
                if (!loaded) {
                    job.load(model.settings(), inputs(config.sources()));
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
                PersonIds.mintCrossJusticeIds(db);
                try {
                    OutputWriter.writeLinkingLookup(db, model.settings(), out, options.format());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                addRoles(db);
                ObjectNode r = report(
                        db,
                        job,
                        PipelineSettings.of(model, ROLE, model.settings().personIdColumn()),
                        clusters.method(),
                        started,
                        report.getParent());
                r.putObject("pipeline").set("records_moved_to_keep_dataset_ids_whole", disclosure.count(moved));
                write(r, report);
            }
        });
    }

    /**
     * The stage's quality report; with a truth column also {@code evaluation.json} in {@code dir}: the raw figures of the
     * person ids against the truth, for the operator (not for publication: counts are not suppressed).
     */
    private ObjectNode report(
            DuckDbSession db,
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
    private void addRoles(DuckDbSession db) {
        StringBuilder role = new StringBuilder("CASE __sd");
        boolean any = false;
        for (PipelineConfig.Source s : config.sources()) {
            if (s.roleColumn() != null) {
                role.append(" WHEN ")
                        .append(Sql.string(s.dataset()))
                        .append(" THEN ")
                        .append(Sql.ident(s.roleColumn()));
                any = true;
            }
        }
        role.append(" ELSE NULL END");
        db.execute("ALTER TABLE " + LoadStep.TABLE + " ADD COLUMN " + ROLE + " VARCHAR");
        if (any) {
            db.execute("UPDATE " + LoadStep.TABLE + " SET " + ROLE + " = " + role);
        }
    }

    private void requireTruthColumn(DuckDbSession db) {
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
    private static void requireDatasetNames(DuckDbSession db, List<PipelineConfig.Source> sources) {
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

    /** A stage's outputs: its files and, with a truth column, the evaluation beside its report. */
    private List<Path> outputs(Path data, Path report) {
        return options.truthColumn() == null
                ? List.of(data, report)
                : List.of(data, report, report.resolveSibling(EVALUATION));
    }

    private static List<InputSource> inputs(List<PipelineConfig.Source> sources) {
        return sources.stream().map(s -> new InputSource(s.dataset(), s.file())).toList();
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

    private Path idsFile(PipelineConfig.Source s) {
        return datasetDir(s).resolve("person_ids." + options.format().extension());
    }

    private Path crossPairs() {
        return out.resolve("cross").resolve("scored_pairs.parquet");
    }

    private static void writeIds(DuckDbSession db, LinkageSettings settings, Path file) {
        try {
            OutputWriter.writeDatasetPersonIds(db, settings, file, formatOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OutputWriter.Format formatOf(Path file) {
        return file.getFileName().toString().endsWith(".csv") ? OutputWriter.Format.CSV : OutputWriter.Format.PARQUET;
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
