package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.ids.StableIds;

/**
 * The report's {@code id_changes}: how the person ids of this run relate to the previous run's. The ids of
 * this run (= kept + kept after a merge or split + new) and of the previous run (= kept + kept after a merge
 * or split + retired; published in last year's report) tie the cells together, and likewise the records
 * of both runs, so each group passes through {@link Disclosure#linked}.
 */
public final class IdChangesSection {

    private IdChangesSection() {}

    public static ObjectNode json(StableIds.Counts c, Disclosure disclosure) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(
                "what",
                "person ids carried from the previous run: a cluster keeps the id when it holds the records of one previous id"
                        + " and all of them (kept); a merged cluster keeps the id of its largest part, the largest part of a split keeps the id"
                        + " (kept_after_merge_or_split); other clusters get new ids above the highest ever used (new); previous ids given to"
                        + " no cluster are retired and never used again");
        o.set("previous_ids", disclosure.count(c.previousIds()));
        o.set("ids", disclosure.count(c.ids()));
        // ids now = kept + kept after merge or split + new; ids before = the same two + retired
        o.setAll(bound(
                disclosure,
                new String[] {"kept", "kept_after_merge_or_split", "new", "retired"},
                c.kept(),
                c.keptAfterMergeOrSplit(),
                c.minted(),
                c.retired()));
        o.set("merged", disclosure.count(c.merged()));
        o.set("split", disclosure.count(c.split()));
        // records now = kept id + changed id + new; records before = the same two + gone
        o.setAll(bound(
                disclosure,
                new String[] {"records_kept_id", "records_changed_id", "records_new", "records_gone"},
                c.recordsKeptId(),
                c.recordsChangedId(),
                c.recordsNew(),
                c.recordsGone()));
        return o;
    }

    /** Four cells a, b, c, d where a + b + c (this run) and a + b + d (the previous run) are published totals. */
    private static ObjectNode bound(Disclosure disclosure, String[] names, long a, long b, long c, long d) {
        Map<String, Long> cells = new LinkedHashMap<>();
        long[] values = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            cells.put(names[i], values[i]);
        }
        return disclosure.linked(
                cells, List.of(List.of(names[0], names[1], names[2]), List.of(names[0], names[1], names[3])));
    }
}
