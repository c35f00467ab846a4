package org.datafirst.linkage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What to evaluate against. */
final class EvaluationMixin {

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            description =
                    "Clerical labels CSV (Splink format: unique_id_l, source_dataset_l, unique_id_r, source_dataset_r, clerical_match_score).")
    Path labels;

    @Option(
            names = "--score-unblocked-labels",
            description =
                    "Score every labelled pair with the model; by default a labelled pair that no blocking rule produces is a non-match, as in Splink.")
    boolean scoreUnblockedLabels;

    @Option(
            names = "--truth-column",
            paramLabel = "COLUMN",
            description = "Input column holding the true entity id (records with equal values are the same person).")
    String truthColumn;

    @Option(
            names = "--truth-from-id",
            paramLabel = "REGEX",
            description =
                    "Take the true entity id from the unique id with this regular expression's first group, e.g. '^rec-(\\d+)' for FEBRL.")
    String truthFromId;

    boolean any() {
        return labels != null || truthColumn != null || truthFromId != null;
    }

    /** Checks that need no data: a --truth-from-id pattern compiles and has a group. */
    void checkBeforeLoad() {
        if (truthFromId != null) {
            org.datafirst.linkage.quality.Evaluation.requireIdPattern(truthFromId);
        }
        if (labels != null && !java.nio.file.Files.isRegularFile(labels)) {
            throw new org.datafirst.linkage.pipeline.InputDataException(labels + ": file not found");
        }
    }

    /** Checks against the loaded records, before training: the truth column exists, the id pattern matches ids. */
    void checkAfterLoad(org.datafirst.linkage.engine.Engine db) {
        if (truthColumn != null
                && !db.columns(org.datafirst.linkage.pipeline.LoadStep.TABLE).contains(truthColumn)) {
            throw new org.datafirst.linkage.pipeline.InputDataException(
                    "--truth-column: column '" + truthColumn + "' not found in the input");
        }
        if (truthFromId != null) {
            org.datafirst.linkage.quality.Evaluation.requireIdPatternMatches(db, truthFromId);
        }
    }

    org.datafirst.linkage.quality.Evaluation.Result evaluate(
            org.datafirst.linkage.engine.Engine db,
            org.datafirst.linkage.pipeline.LinkageModel model,
            double threshold) {
        var lt = model.settings().linkType();
        if (labels != null) {
            return org.datafirst.linkage.quality.Evaluation.fromLabels(
                    db, model, labels, threshold, scoreUnblockedLabels);
        }
        if (truthColumn != null) {
            return org.datafirst.linkage.quality.Evaluation.fromTruthColumn(db, lt, truthColumn, threshold);
        }
        return org.datafirst.linkage.quality.Evaluation.fromIdPattern(db, lt, truthFromId, threshold);
    }

    /** The clusters (person ids as written) against the same truth; call after {@link #evaluate}. */
    org.datafirst.linkage.quality.ClusterEvaluation evaluateClusters(
            org.datafirst.linkage.engine.Engine db,
            org.datafirst.linkage.quality.Evaluation.Result pairs,
            double threshold) {
        if (labels != null) {
            return org.datafirst.linkage.quality.ClusterEvaluation.fromLabels(
                    db, org.datafirst.linkage.quality.Evaluation.LABEL_PAIRS, pairs.method(), threshold);
        }
        String truth = truthColumn != null
                ? org.datafirst.linkage.sql.Sql.ident(truthColumn)
                : org.datafirst.linkage.quality.Evaluation.TRUTH_FROM_ID;
        return org.datafirst.linkage.quality.ClusterEvaluation.fromTruth(db, truth, pairs.method(), threshold);
    }
}
