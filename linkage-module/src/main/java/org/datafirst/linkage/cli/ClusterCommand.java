package org.datafirst.linkage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.io.OutputReader;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {
            "Person ids from scored pairs at or above the threshold (average linkage by default, or connected components);",
            "write clusters.<format>, linking_lookup.<format> and cluster_shapes.<format>."
        })
final class ClusterCommand implements Callable<Integer> {

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "FILE",
            description = "Model JSON (for settings and threshold).")
    Path model;

    @Option(
            names = "--pairs",
            required = true,
            paramLabel = "FILE",
            description = "scored_pairs.parquet or .csv from 'predict'.")
    Path pairs;

    @Option(
            names = "--threshold",
            paramLabel = "P",
            description = "Match probability threshold (default: the settings' threshold_match_probability).")
    Double threshold;

    @Mixin
    OutputMixin output;

    @Mixin
    InputMixin input;

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
        Jobs.requireWritableDirectory(out, "--out");
        LinkageModel m = Jobs.readModel(model);
        double t = threshold != null ? threshold : m.settings().matchThreshold();
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("--threshold must be between 0 and 1");
        }
        if (!Files.isRegularFile(pairs)) {
            throw new InputDataException(pairs + ": file not found");
        }
        var progress =
                ConsoleProgress.create(engine.quiet, 3, spec.commandLine().getErr());
        try (Engine db = engine.open(out)) {
            LinkageJob job = new LinkageJob(db, progress);
            job.load(m.settings(), m.settingsJson(), input.sources());
            OutputReader.scoredPairs(db, pairs, Predictor.TABLE, false);
            Clusterer.Result r = job.cluster(m, clustering.resolve(m.settings()), t);
            progress.step("write outputs");
            OutputWriter.writePersonIds(db, m.settings(), out, format);
            progress.done();
            Jobs.printClustering(spec.commandLine().getOut(), r);
            spec.commandLine().getOut().printf("wrote %s%n", out);
        }
        return LinkageCli.OK;
    }
}
