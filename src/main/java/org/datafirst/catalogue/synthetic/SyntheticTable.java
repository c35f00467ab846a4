package org.datafirst.catalogue.synthetic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of a release made ready for generation: its columns, the finest identifier role among them
 * ({@code grain}, empty when the table has no keys) and whether it is the first table of its
 * dataset at that grain ({@code primary}: there each row is a new entity, elsewhere rows pick
 * existing ones, so the tables join with several rows per key or none). A {@code link} makes it a
 * linking table whose rows point into other datasets.
 */
record SyntheticTable(
        String datasetId,
        String name,
        List<SyntheticColumn> columns,
        Optional<KeyLevel> grain,
        boolean primary,
        Optional<Link> link) {

    /**
     * The rows of a linking table name their source dataset in column {@code codeColumn}; for a
     * code with a target, the row's record key is the target's row key and its person keys are the
     * target row's person.
     */
    record Link(int codeColumn, Map<String, Target> targets) {}

    /** Where a code leads: the first keyed table of that dataset and its finest key column. */
    record Target(String datasetId, String table, String column, String namespace, KeyLevel level) {}

    /** The columns flagged because the dictionary gives no type, or generated empty. */
    List<SyntheticColumn> flagged() {
        return columns.stream()
                .filter(c -> c.typeUnknown() || c.values() instanceof SyntheticColumn.Nulls)
                .toList();
    }
}
