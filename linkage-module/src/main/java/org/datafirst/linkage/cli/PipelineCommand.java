package org.datafirst.linkage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.datafirst.linkage.crossjustice.CrossJusticePipeline;
import org.datafirst.linkage.crossjustice.PipelineConfig;
import org.datafirst.linkage.crossjustice.PipelineConfigParser;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.io.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = {
            "The cross-justice run from a pipeline file: train each model, deduplicate each dataset, link across datasets,",
            "cluster once for the cross-justice id, and write one quality report. Stages whose inputs did not change since the",
            "last run in --out are skipped; after a failure the next run resumes where it stopped.",
            "Writes to --out: datasets/<dataset>/person_ids (unique_id, <dataset person id>), linking_lookup (row_id_hash,",
            "source_dataset, <cross-justice id>), quality-report.json, models/, cross/ and pipeline-state.json; state/ (and with",
            "--previous id_changes) in datasets/<dataset>/ and cross/, read by the next refresh's --previous."
        })
final class PipelineCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "Pipeline file (JSON).")
    Path config;

    @Mixin
    OutputMixin output;

    @Mixin
    DisclosureMixin disclosureOptions;

    @Option(
            names = "--truth-column",
            paramLabel = "COLUMN",
            description =
                    "Input column holding the true person (e.g. synthetic data): evaluate every dataset's and the cross-justice person ids.")
    String truthColumn;

    @Option(names = "--force", description = "Run every stage, even those whose inputs have not changed.")
    boolean force;

    @Option(
            names = "--previous",
            paramLabel = "DIR",
            description = {
                "The --out folder of the previous pipeline run: each dataset's person ids and the cross-justice ids are carried",
                "over as in 'run --previous' (people keep their ids, new ids above the highest ever used, retired ids never return);",
                "writes id_changes and state/ beside each family's report and the reports' id_changes sections."
            })
    Path previous;

    @Mixin
    EngineMixin engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int minCount = disclosureOptions.minCount;
        Path out = output.out;
        FileFormat format = output.format;
        long t0 = System.nanoTime();
        if (minCount < 1) {
            throw new IllegalArgumentException("--min-count must be at least 1");
        }
        PipelineConfig c = PipelineConfigParser.read(config);
        Jobs.requireWritableDirectory(out, "--out");
        PrintWriter err = spec.commandLine().getErr();
        var options = new CrossJusticePipeline.Options(
                () -> engine.open(out), format, minCount, truthColumn, force, previous);
        var result = new CrossJusticePipeline(c, out, options, line -> {
                    if (!engine.quiet) {
                        err.println(line);
                        err.flush();
                    }
                })
                .run();
        PrintWriter stdout = spec.commandLine().getOut();
        long ran = result.stages().values().stream().filter(o -> !o.skipped()).count();
        stdout.printf(
                Locale.ROOT,
                "stages: %d ran, %d skipped (unchanged)%n",
                ran,
                result.stages().size() - ran);
        for (JsonNode d : result.report().path("datasets")) {
            String dataset = d.path("source_dataset").asText();
            summary(
                    stdout,
                    dataset + " (" + d.path("person_id_column").asText() + ")",
                    d.path("report"),
                    truthColumn == null
                            ? null
                            : out.resolve("datasets").resolve(dataset).resolve(CrossJusticePipeline.EVALUATION));
        }
        JsonNode cross = result.report().path("cross_justice");
        summary(
                stdout,
                "cross-justice (" + cross.path("person_id_column").asText() + ")",
                cross.path("report"),
                truthColumn == null ? null : out.resolve("cross").resolve(CrossJusticePipeline.EVALUATION));
        stdout.printf(Locale.ROOT, "total %.2f s; outputs in %s%n", (System.nanoTime() - t0) / 1e9, out);
        return LinkageCli.OK;
    }

    /**
     * One line per id family: records and person ids as published, with --previous the id changes as published and, with a truth column, the person ids' pairwise
     * precision / recall / F1 and B-cubed F1 from the stage's evaluation file (raw figures, for the operator).
     */
    private static void summary(PrintWriter out, String what, JsonNode report, Path evaluation) throws IOException {
        JsonNode o = report.path("overall");
        StringBuilder sb = new StringBuilder(what)
                .append(": records ")
                .append(RunCommand.show(o.get("records")))
                .append(", person ids ")
                .append(RunCommand.show(o.get("clusters")));
        JsonNode ids = report.path("id_changes");
        if (!ids.isMissingNode()) {
            sb.append("; ids carried over: kept ")
                    .append(RunCommand.show(ids.get("kept")))
                    .append(", kept after merge or split ")
                    .append(RunCommand.show(ids.get("kept_after_merge_or_split")))
                    .append(", new ")
                    .append(RunCommand.show(ids.get("new")))
                    .append(", retired ")
                    .append(RunCommand.show(ids.get("retired")));
        }
        if (evaluation != null && Files.isRegularFile(evaluation)) {
            JsonNode e = ModelJson.MAPPER.readTree(evaluation.toFile());
            JsonNode c = e.path("clusters_pairwise");
            sb.append(String.format(
                    Locale.ROOT,
                    "; person ids vs truth: precision %.4f recall %.4f F1 %.4f (TP %d FP %d FN %d), B-cubed F1 %.4f",
                    c.path("precision").asDouble(),
                    c.path("recall").asDouble(),
                    c.path("f1").asDouble(),
                    c.path("tp").asLong(),
                    c.path("fp").asLong(),
                    c.path("fn").asLong(),
                    e.path("clusters_bcubed").path("f1").asDouble()));
        }
        out.println(sb);
    }
}
