package org.datafirst.linkage.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.quality.ClusterEvaluation;
import org.datafirst.linkage.quality.Disclosure;
import org.datafirst.linkage.quality.Evaluation;
import org.datafirst.linkage.quality.QualityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Predict and cluster with a trained model and write the linkage-quality report JSON (with disclosure control).")
final class ReportCommand implements Callable<Integer> {

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "FILE",
            description = "Model JSON from 'train' or 'run'.")
    Path model;

    @Option(
            names = {"-o", "--report"},
            defaultValue = "quality-report.json",
            paramLabel = "FILE",
            description = "Report file (default: ${DEFAULT-VALUE}).")
    Path report;

    @Mixin
    DisclosureMixin disclosureOptions;

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
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Jobs.requireWritableFile(report, "--report");
        evaluation.checkBeforeLoad();
        LinkageModel m = Jobs.readModel(model);
        Disclosure disclosure = disclosureOptions.disclosure();
        var progress =
                ConsoleProgress.create(engine.quiet, 5, spec.commandLine().getErr());
        try (Engine db = engine.open(null)) {
            LinkageJob job = new LinkageJob(db, progress);
            job.load(m.settings(), m.settingsJson(), input.sources());
            evaluation.checkAfterLoad(db);
            job.predict(m);
            Clusterer.Result clusters = job.cluster(
                    m, clustering.resolve(m.settings()), m.settings().matchThreshold());
            Evaluation.Result eval = null;
            ClusterEvaluation clusterEval = null;
            if (evaluation.any()) {
                eval = evaluation.evaluate(db, m, m.settings().matchThreshold());
                clusterEval = evaluation.evaluateClusters(db, eval, m.settings().matchThreshold());
            }
            progress.step("quality report");
            var node = new QualityReport(db, m, disclosure)
                    .build(
                            started,
                            (System.nanoTime() - t0) / 1e9,
                            job.stepSeconds(),
                            clusters.method(),
                            eval,
                            clusterEval);
            ModelJson.MAPPER.writeValue(report.toFile(), node);
            progress.done();
            RunCommand.printSummary(spec.commandLine().getOut(), node);
            Jobs.printInputQuality(spec.commandLine().getOut(), node);
            spec.commandLine().getOut().println("report written to " + report);
        }
        return LinkageCli.OK;
    }
}
