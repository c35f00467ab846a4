package org.datafirst.linkage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Estimate the prior (deterministic rules), u (random pairs) and m (EM) and write the model JSON.")
final class TrainCommand implements Callable<Integer> {

    @Option(
            names = {"-s", "--settings"},
            required = true,
            paramLabel = "FILE",
            description = "Settings JSON.")
    Path settings;

    @Option(
            names = {"-o", "--model"},
            defaultValue = "model.json",
            paramLabel = "FILE",
            description = "Where to write the trained model (default: ${DEFAULT-VALUE}).")
    Path model;

    @Mixin
    InputMixin input;

    @Mixin
    EngineMixin engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Jobs.requireWritableFile(model, "--model");
        Jobs.Settings s = Jobs.readSettings(settings);
        int steps = 3 + s.settings().training().emBlockingRules().size();
        var progress =
                ConsoleProgress.create(engine.quiet, steps, spec.commandLine().getErr());
        try (Engine db = engine.open(null)) {
            LinkageJob job = new LinkageJob(db, progress);
            job.load(s.settings(), s.json(), input.sources());
            LinkageModel m = job.train(s.settings(), s.json());
            progress.done();
            ModelJson.write(m, model);
            var out = spec.commandLine().getOut();
            out.printf("model written to %s (lambda = %.6g)%n", model, m.lambda());
            out.printf(
                    "step seconds: %s; training: %s%n",
                    Jobs.seconds(job.stepSeconds()), Jobs.seconds(job.trainingSeconds()));
        }
        return LinkageCli.OK;
    }
}
