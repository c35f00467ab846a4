package org.datafirst.linkage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.quality.ClusterEvaluation;
import org.datafirst.linkage.quality.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Precision, recall and F1 (95%% intervals) of a trained model, at the threshold and at the best threshold,",
            "against clerical labels (--labels), a ground-truth column (--truth-column) or the unique id (--truth-from-id)."
        })
final class EvaluateCommand implements Callable<Integer> {

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "FILE",
            description = "Model JSON from 'train' or 'run'.")
    Path model;

    @Option(
            names = "--threshold",
            paramLabel = "P",
            description = "Match probability threshold (default: the settings' threshold_match_probability).")
    Double threshold;

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
    public Integer call() {
        if (!evaluation.any()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "give --labels, --truth-column or --truth-from-id");
        }
        evaluation.checkBeforeLoad();
        LinkageModel m = Jobs.readModel(model);
        double t = threshold != null ? threshold : m.settings().matchThreshold();
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("--threshold must be between 0 and 1");
        }
        var progress =
                ConsoleProgress.create(engine.quiet, 4, spec.commandLine().getErr());
        try (Engine db = engine.open(null)) {
            LinkageJob job = new LinkageJob(db, progress);
            job.load(m.settings(), m.settingsJson(), input.sources());
            evaluation.checkAfterLoad(db);
            job.predict(m);
            Clusterer.Result clusters = job.cluster(m, clustering.resolve(m.settings()), t);
            progress.step("evaluate");
            Evaluation.Result r = evaluation.evaluate(db, m, t);
            ClusterEvaluation c = evaluation.evaluateClusters(db, r, t);
            progress.done();
            Jobs.printClustering(spec.commandLine().getOut(), clusters);
            Jobs.printEvaluation(spec.commandLine().getOut(), r);
            Jobs.printClusterEvaluation(spec.commandLine().getOut(), c);
        }
        return LinkageCli.OK;
    }
}
