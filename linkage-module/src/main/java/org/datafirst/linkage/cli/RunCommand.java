package org.datafirst.linkage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.ids.IdState;
import org.datafirst.linkage.ids.StableIds;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.io.PreviousRun;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.StableIdStep;
import org.datafirst.linkage.quality.ClusterEvaluation;
import org.datafirst.linkage.quality.Disclosure;
import org.datafirst.linkage.quality.Evaluation;
import org.datafirst.linkage.quality.IdChangesSection;
import org.datafirst.linkage.quality.QualityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Everything: load, train, predict, cluster, write outputs and the quality report; print a summary.",
            "Writes to --out: model.json, scored_pairs, clusters, linking_lookup (.parquet or .csv), quality-report.json and state/",
            "(the records with their person ids and the id state, read by a later 'run --previous' or 'link-new').",
            "With --previous, person ids are carried over from that earlier run and id_changes is written too."
        })
final class RunCommand implements Callable<Integer> {

    @Option(
            names = {"-s", "--settings"},
            required = true,
            paramLabel = "FILE",
            description = "Settings JSON.")
    Path settings;

    @Mixin
    OutputMixin output;

    @Mixin
    DisclosureMixin disclosureOptions;

    @Option(names = "--no-scored-pairs", description = "Do not write scored pairs (they can be large).")
    boolean noScoredPairs;

    @Option(
            names = "--previous",
            paramLabel = "DIR",
            description = {
                "The --out folder of the previous run (or link-new) of the same id family: people keep their person ids",
                "(merged clusters the id of the largest part, splits give it to the largest part), new ids are minted above",
                "the highest ever used, retired ids never return; writes id_changes and the report's id_changes section."
            })
    Path previous;

    @Mixin
    InputMixin input;

    @Mixin
    EvaluationMixin evaluation;

    @Mixin
    EngineMixin engine;

    @Mixin
    ClusteringMixin clustering;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = output.out;
        FileFormat format = output.format;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Jobs.requireWritableDirectory(out, "--out");
        evaluation.checkBeforeLoad();
        Jobs.Settings s = Jobs.readSettings(settings);
        Disclosure disclosure = disclosureOptions.disclosure();
        int steps = 7 + s.settings().training().emBlockingRules().size();
        var progress =
                ConsoleProgress.create(engine.quiet, steps, spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        try (Engine db = engine.open(out)) {
            PreviousRun.Contents prev = previous == null
                    ? null
                    : PreviousRun.open(db, previous, "--previous", s.settings().personIdColumn());
            LinkageJob job = new LinkageJob(db, progress);
            long records = job.load(s.settings(), s.json(), input.sources());
            evaluation.checkAfterLoad(db);
            LinkageModel model = job.train(s.settings(), s.json());
            ModelJson.write(model, out.resolve("model.json"));
            long pairs = job.predict(model);
            Clusterer.Result clusters = job.cluster(
                    model, clustering.resolve(s.settings()), s.settings().matchThreshold());
            StableIds.Result ids = prev == null
                    ? null
                    : job.timed(
                            "stable_ids",
                            () -> StableIdStep.run(db, prev.records(), PreviousRun.PERSON_ID, prev.state()));
            IdState idState = ids == null ? StableIdStep.firstRunState(db) : ids.next();
            progress.step("write outputs");
            job.timed("write_outputs", () -> {
                try {
                    if (!noScoredPairs) {
                        OutputWriter.writeScoredPairs(db, s.settings(), out, format);
                    }
                    OutputWriter.writePersonIds(db, s.settings(), out, format);
                    if (ids != null) {
                        OutputWriter.writeIdChanges(db, s.settings(), out, format);
                    }
                    PreviousRun.write(db, s.settings().personIdColumn(), idState, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return 0L;
            });
            Evaluation.Result eval = null;
            ClusterEvaluation clusterEval = null;
            if (evaluation.any()) {
                progress.step("evaluate");
                eval = job.timed(
                        "evaluate",
                        () -> evaluation.evaluate(db, model, s.settings().matchThreshold()));
                Evaluation.Result pairsEval = eval;
                clusterEval = job.timed(
                        "evaluate",
                        () -> evaluation.evaluateClusters(
                                db, pairsEval, s.settings().matchThreshold()));
            }
            progress.step("quality report");
            double seconds = (System.nanoTime() - t0) / 1e9;
            Evaluation.Result e = eval;
            ClusterEvaluation ce = clusterEval;
            ObjectNode report = job.timed(
                    "report",
                    () -> new QualityReport(db, model, disclosure)
                            .build(started, seconds, job.stepSeconds(), clusters.method(), e, ce));
            if (ids != null) {
                report.set("id_changes", IdChangesSection.json(ids.counts(), disclosure));
            }
            ModelJson.MAPPER.writeValue(out.resolve("quality-report.json").toFile(), report);
            progress.done();
            stdout.printf("records %d, scored pairs %d, lambda %.6g%n", records, pairs, model.lambda());
            Jobs.printClustering(stdout, clusters);
            if (ids != null) {
                Jobs.printIdChanges(stdout, ids.counts());
            }
            printSummary(stdout, report);
            Jobs.printInputQuality(stdout, report);
            if (eval != null) {
                Jobs.printEvaluation(stdout, eval);
                Jobs.printClusterEvaluation(stdout, clusterEval);
            }
            stdout.printf("step seconds: %s%n", job.stepSeconds());
            stdout.printf("training seconds: %s%n", Jobs.seconds(job.trainingSeconds()));
            stdout.printf("total %.2f s; outputs in %s%n", (System.nanoTime() - t0) / 1e9, out);
        }
        return LinkageCli.OK;
    }

    static void printSummary(PrintWriter out, JsonNode report) {
        JsonNode o = report.get("overall");
        out.println("quality report (counts below the disclosure minimum shown as 'suppressed'):");
        out.printf(
                "  overall: records %s, scored pairs %s, accepted pairs %s, clusters %s, expected false matches %s, expected missed matches %s%n",
                show(o.get("records")),
                show(o.get("scored_pairs")),
                show(o.get("accepted_pairs")),
                show(o.get("clusters")),
                show(o.get("expected_false_matches")),
                show(o.get("expected_missed_matches")));
        for (JsonNode g : report.get("groups")) {
            StringBuilder links = new StringBuilder();
            for (JsonNode l : g.get("cross_dataset_link_rates")) {
                links.append(", linked to ")
                        .append(l.get("other_dataset").asText())
                        .append(' ')
                        .append(show(l.get("rate")));
            }
            out.printf(
                    "  %s / %s: records %s, duplicate rate %s, cluster sizes %s%s%n",
                    g.get("source_dataset").asText(),
                    g.get("role").asText(),
                    show(g.get("records")),
                    show(g.get("duplicate_rate")),
                    sizes(g.get("cluster_size_distribution")),
                    links);
        }
    }

    private static String sizes(JsonNode dist) {
        StringBuilder sb = new StringBuilder("{");
        dist.fields()
                .forEachRemaining(e -> sb.append(sb.length() > 1 ? ", " : "")
                        .append(e.getKey())
                        .append(": ")
                        .append(show(e.getValue())));
        return sb.append('}').toString();
    }

    static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return "n/a";
        }
        return v.isObject() && v.path("suppressed").asBoolean() ? "suppressed" : v.asText();
    }
}
