package org.datafirst.linkage.cli;

import java.nio.file.Path;
import org.datafirst.linkage.engine.FileFormat;
import picocli.CommandLine.Option;

/** Where and in which format a command writes its outputs: one definition for every command that writes tables. */
final class OutputMixin {

    @Option(
            names = {"-o", "--out"},
            defaultValue = "linkage-out",
            paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "PARQUET",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FileFormat format;
}
