package org.datafirst.linkage.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.datafirst.linkage.engine.DuckDbEngine;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.EngineOptions;
import org.datafirst.linkage.engine.SparkEngine;
import org.datafirst.linkage.engine.SparkOptions;
import picocli.CommandLine.Option;

/** Which engine runs the pipeline, its resources, and output verbosity; shared by the commands that run it. */
final class EngineMixin {

    enum Kind {
        duckdb,
        spark
    }

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "duckdb",
            description = {
                "duckdb (in process, the default) or spark (Apache Spark SQL: --master, --conf; Spark must be on the",
                "class path, as under spark-submit). Valid values: ${COMPLETION-CANDIDATES}."
            })
    Kind kind;

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
            names = "--master",
            paramLabel = "URL",
            description = {
                "Spark master URL (default: local[2], or the master spark-submit sets), e.g. spark://host:7077, k8s://…"
            })
    String master;

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "A Spark setting, repeatable, e.g. --conf spark.executor.memory=8g.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output (a bar on a terminal, one line per step otherwise).")
    boolean quiet;

    EngineOptions options(Path outDir) {
        return new EngineOptions(threads, memoryLimit, spillDirectory(outDir));
    }

    private Path spillDirectory(Path outDir) {
        return tempDir != null ? tempDir : outDir != null ? outDir.resolve(".spill") : null;
    }

    /** The chosen engine; DuckDB spills under {@code outDir} (may be null) unless --temp-dir says otherwise. */
    Engine open(Path outDir) {
        if (kind == Kind.duckdb) {
            if (master != null || !conf.isEmpty()) {
                throw new IllegalArgumentException("--master and --conf are for --engine spark");
            }
            return DuckDbEngine.open(options(outDir));
        }
        try {
            Class.forName("org.apache.spark.sql.SparkSession");
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--engine spark: Apache Spark is not on the class path; run the jar"
                    + " with spark-submit, or add Spark's jars to the class path (see the module README)");
        }
        if (tempDir != null) {
            throw new IllegalArgumentException(
                    "--temp-dir is for --engine duckdb; give Spark --conf spark.local.dir=DIR");
        }
        String url = master != null ? master : System.getProperty("spark.master") == null ? "local[2]" : null;
        return SparkEngine.open(new SparkOptions(url, conf));
    }
}
