package org.datafirst.linkage.cli;

import java.nio.file.Path;
import org.datafirst.linkage.pipeline.EngineOptions;
import picocli.CommandLine.Option;

/** DuckDB resources and output verbosity, shared by the commands that run the pipeline. */
final class EngineMixin {

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "DuckDB worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--memory-limit",
            paramLabel = "SIZE",
            defaultValue = "4GB",
            description =
                    "DuckDB memory limit, e.g. 4GB or 512MB; larger work spills to --temp-dir (default: ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Option(
            names = "--temp-dir",
            paramLabel = "DIR",
            description =
                    "Directory where DuckDB spills when over the memory limit (default: <out>/.spill or the system temp dir).")
    Path tempDir;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output (a bar on a terminal, one line per step otherwise).")
    boolean quiet;

    EngineOptions options(Path outDir) {
        Path spill = tempDir != null ? tempDir : outDir != null ? outDir.resolve(".spill") : null;
        return new EngineOptions(threads, memoryLimit, spill);
    }
}
