package org.datafirst.linkage.ids;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one family of person ids (e.g. the cross-justice id, or one dataset's id) carries from one run
 * to the next besides the record → id map: the highest id ever used, so new ids are minted above it,
 * and the ids retired so far, so none is ever handed out again. Ids are non-negative.
 *
 * @param highestId the highest id ever used in this family (0 when none was minted yet; 0 itself is
 *        never minted)
 * @param retired ids that named people once and name nobody now (kept sorted)
 */
public record IdState(long highestId, Set<Long> retired) {

    public static final IdState EMPTY = new IdState(0, Set.of());

    public IdState {
        if (highestId < 0) {
            throw new IllegalArgumentException("highest id must not be negative, was " + highestId);
        }
        TreeSet<Long> sorted = new TreeSet<>(retired);
        if (!sorted.isEmpty() && (sorted.first() < 0 || sorted.last() > highestId)) {
            throw new IllegalArgumentException("retired ids must lie between 0 and the highest id " + highestId);
        }
        retired = Collections.unmodifiableSortedSet(sorted);
    }

    /** The state after a run without a previous one that used exactly {@code ids}: nothing retired yet. */
    public static IdState firstRun(long[] ids) {
        long highest = 0;
        for (long id : ids) {
            if (id < 0) {
                throw new IllegalArgumentException("ids must not be negative, was " + id);
            }
            highest = Math.max(highest, id);
        }
        return new IdState(highest, Set.of());
    }
}
