package org.datafirst.catalogue.sources;

import java.util.List;
import org.datafirst.catalogue.problem.ProblemError;

/** What loading one source file did. */
public record LoadOutcome(String file, Status status, String datasetId, Integer version, List<ProblemError> errors) {

    public enum Status {
        RELEASED,
        UNCHANGED,
        REJECTED
    }

    static LoadOutcome released(String file, String datasetId, int version) {
        return new LoadOutcome(file, Status.RELEASED, datasetId, version, List.of());
    }

    static LoadOutcome unchanged(String file, String datasetId) {
        return new LoadOutcome(file, Status.UNCHANGED, datasetId, null, List.of());
    }

    static LoadOutcome rejected(String file, List<ProblemError> errors) {
        return new LoadOutcome(file, Status.REJECTED, null, null, errors);
    }
}
