package org.datafirst.linkage.crossjustice;

import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.settings.LinkageSettings;

/**
 * A model's settings as one stage of the pipeline uses them: the source's role column (the pipeline file
 * names it per source) and the person id column of the id family the stage mints.
 */
final class PipelineSettings {

    private PipelineSettings() {}

    static LinkageSettings of(LinkageSettings s, String roleColumn, String personIdColumn) {
        return new LinkageSettings(
                s.linkType(),
                s.uniqueIdColumn(),
                s.sourceDatasetColumn(),
                roleColumn,
                s.comparisons(),
                s.blockingRules(),
                s.training(),
                s.matchThreshold(),
                s.scoredPairsFloor(),
                personIdColumn,
                s.lowercase(),
                s.clustering());
    }

    static LinkageModel of(LinkageModel m, String roleColumn, String personIdColumn) {
        return new LinkageModel(
                of(m.settings(), roleColumn, personIdColumn), m.settingsJson(), m.lambda(), m.m(), m.u(), m.training());
    }
}
