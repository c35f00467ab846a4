package org.datafirst.linkage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.EngineOptions;
import org.datafirst.linkage.synth.SyntheticGenerator;
import org.datafirst.linkage.synth.SyntheticSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic justice-like person records with known truth (column person_id), streamed to disk,",
            "then print a summary of the file (records, people, distinct surnames, top surname share, largest true person).",
            "Columns: " + SyntheticGenerator.HEADER
        })
final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = {"-n", "--records"},
            defaultValue = "10000",
            paramLabel = "N",
            description = "Number of records (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "SEED",
            description = "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Output .csv or .parquet file (required unless --generator-version).")
    Path out;

    @Option(names = "--no-summary", description = "Do not read the file back for the summary.")
    boolean noSummary;

    @Option(
            names = "--generator-version",
            description = "Print the generator's version (it changes whenever a seed gives another file) and exit.")
    boolean printVersion;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (printVersion) {
            spec.commandLine().getOut().println(SyntheticGenerator.VERSION);
            return LinkageCli.OK;
        }
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=FILE'");
        }
        if (records < 1 || records > 100_000_000L) {
            throw new IllegalArgumentException("--records must be between 1 and 100000000");
        }
        long t0 = System.nanoTime();
        long persons = new SyntheticGenerator(seed).write(records, out);
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %d records of %d persons to %s in %.1f s%n",
                        records, persons, out, (System.nanoTime() - t0) / 1e9);
        if (!noSummary) {
            Path spill = out.toAbsolutePath().getParent().resolve(".spill");
            spec.commandLine().getOut().println(SyntheticSummary.of(out, new EngineOptions(2, "2GB", spill)));
        }
        return LinkageCli.OK;
    }
}
