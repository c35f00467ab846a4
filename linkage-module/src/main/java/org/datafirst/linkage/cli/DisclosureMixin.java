package org.datafirst.linkage.cli;

import org.datafirst.linkage.quality.Disclosure;
import picocli.CommandLine.Option;

/** The disclosure minimum of the commands that write a quality report. */
final class DisclosureMixin {

    @Option(
            names = "--min-count",
            defaultValue = "10",
            paramLabel = "N",
            description =
                    "Disclosure control: counts from 1 to N-1 are suppressed in the report (default: ${DEFAULT-VALUE}).")
    int minCount;

    Disclosure disclosure() {
        return new Disclosure(minCount);
    }
}
