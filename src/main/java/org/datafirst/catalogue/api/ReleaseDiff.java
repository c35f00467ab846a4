package org.datafirst.catalogue.api;

import java.util.List;
import org.datafirst.catalogue.catalogue.diff.DocumentDiff;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReleaseDiff", description = "The structured difference between two releases of a dataset.")
public record ReleaseDiff(
        @Schema(description = "Dataset id.", example = "probation")
        String datasetId,

        @Schema(description = "The older release compared.", example = "1")
        int from,

        @Schema(description = "The newer release compared.", example = "3")
        int to,

        @Schema(description = "Changed dataset-level fields (title, description, approvals…).")
        List<ChangeDto> dataset,

        @Schema(description = "Coverage periods added, removed or changed (matched by start and basis).")
        List<ChangeDto> coverage,

        @Schema(description = "Tables added, removed or changed (matched by name).")
        List<ChangeDto> tables,

        @Schema(description = "Variables added, removed or changed (matched by table and name).")
        List<ChangeDto> variables,

        @Schema(description = "Lookups added, removed or changed (matched by id).")
        List<ChangeDto> lookups,

        @Schema(description = "Lookup codes added, removed or changed (matched by lookup and code).")
        List<ChangeDto> codes) {

    static ReleaseDiff of(String datasetId, int from, int to, DocumentDiff diff) {
        return new ReleaseDiff(
                datasetId,
                from,
                to,
                map(diff.dataset()),
                map(diff.coverage()),
                map(diff.tables()),
                map(diff.variables()),
                map(diff.lookups()),
                map(diff.codes()));
    }

    private static List<ChangeDto> map(List<org.datafirst.catalogue.catalogue.diff.Change> changes) {
        return changes.stream().map(ChangeDto::of).toList();
    }
}
