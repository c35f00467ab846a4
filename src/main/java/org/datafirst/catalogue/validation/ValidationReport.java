package org.datafirst.catalogue.validation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of checking one dataset's harvester outputs against each target standard. */
@Schema(
        name = "ValidationReport",
        description = "How one dataset's published metadata fares against each harvesting "
                + "target: DCAT-AP 3.0.1 SHACL, the HDR UK 4.0.0 schema and the GMI list schema.")
public record ValidationReport(
        @Schema(description = "Dataset id.", example = "probation")
        String dataset,

        @Schema(description = "Metadata version checked (the HDR UK version string).", example = "1.0.0")
        String version,

        @Schema(description = "True when every target conforms (warnings allowed).", example = "true")
        boolean conforms,

        @Schema(description = "One result per target.") List<Target> targets) {

    @Schema(name = "ValidationTarget", description = "The result for one target standard.")
    public record Target(
            @Schema(description = "Target id: dcat-ap, hdruk or gmi.", example = "dcat-ap")
            String target,

            @Schema(
                    description = "The standard and how it is checked.",
                    example = "DCAT-AP 3.0.1 SHACL (shapes + range; recommended properties as warnings)")
            String standard,

            @Schema(description = "True when there are no violations.", example = "true")
            boolean conforms,

            @Schema(description = "Number of violations.", example = "0")
            int violations,

            @Schema(description = "Number of warnings (recommended properties missing).", example = "2")
            int warnings,

            @Schema(description = "Every violation, then every warning.")
            List<Finding> findings) {}

    @Schema(name = "ValidationFinding", description = "One violation or warning.")
    public record Finding(
            @Schema(description = "Violation, Warning or Info.", example = "Warning")
            String severity,

            @Schema(
                    description = "The RDF node or JSON pointer concerned.",
                    example = "https://catalogue.example/datasets/probation")
            String focus,

            @Schema(
                    description = "The RDF property path, when the target is RDF.",
                    example = "<http://purl.org/dc/terms/accrualPeriodicity>")
            String path,

            @Schema(
                    description = "What is wrong.",
                    example = "minCount[1]: Invalid cardinality: expected min 1: Got count = 0")
            String message) {}
}
