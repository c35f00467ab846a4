package org.datafirst.linkage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Score the blocked pairs with a trained model; write scored_pairs.<format> (pairs at or above the settings' scored_pairs_floor).")
final class PredictCommand implements Callable<Integer> {

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "FILE",
            description = "Model JSON from 'train'.")
    Path model;

    @Mixin
    OutputMixin output;

    @Mixin
    InputMixin input;

    @Mixin
    EngineMixin engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = output.out;
        FileFormat format = output.format;
        Jobs.requireWritableDirectory(out, "--out");
        LinkageModel m = Jobs.readModel(model);
        var progress =
                ConsoleProgress.create(engine.quiet, 3, spec.commandLine().getErr());
        try (Engine db = engine.open(out)) {
            LinkageJob job = new LinkageJob(db, progress);
            job.load(m.settings(), m.settingsJson(), input.sources());
            long pairs = job.predict(m);
            progress.step("write scored pairs");
            Path file = OutputWriter.writeScoredPairs(db, m.settings(), out, format);
            progress.done();
            double secs = job.stepSeconds().get("predict");
            spec.commandLine()
                    .getOut()
                    .printf("scored %d pairs in %.2f s (%.0f pairs/s); wrote %s%n", pairs, secs, pairs / secs, file);
        }
        return LinkageCli.OK;
    }
}
