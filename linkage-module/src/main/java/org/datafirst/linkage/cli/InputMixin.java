package org.datafirst.linkage.cli;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.pipeline.InputSource;
import picocli.CommandLine.Option;

/** The input files. */
final class InputMixin {

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "[NAME=]FILE",
            description = {
                "An input file (.csv or .parquet), repeatable. NAME is its source dataset",
                "(default: the file name without extension), used unless the file has a source dataset column."
            })
    List<String> inputs = new ArrayList<>();

    List<InputSource> sources() {
        return inputs.stream().map(InputSource::parse).toList();
    }
}
