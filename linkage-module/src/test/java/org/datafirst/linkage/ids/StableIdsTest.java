package org.datafirst.linkage.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.datafirst.linkage.ids.StableIds.Change;
import org.datafirst.linkage.ids.StableIds.Lineage;
import org.junit.jupiter.api.Test;

/** Hand-built refreshes, one per rule. Records are letters; clusters are labelled by arbitrary numbers. */
class StableIdsTest {

    /** "a=1 b=1 c=2" → {a: 1, b: 1, c: 2} in that order. */
    static Map<String, Long> map(String spec) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (!spec.isBlank()) {
            for (String kv : spec.trim().split("\\s+")) {
                String[] p = kv.split("=");
                m.put(p[0], Long.parseLong(p[1]));
            }
        }
        return m;
    }

    static StableIds.KeyedResult<String> refresh(String previous, String clusters, IdState state) {
        return StableIds.assign(map(previous), map(clusters), state);
    }

    static final IdState STATE = new IdState(20, Set.of());

    @Test
    void unchangedClustersKeepTheirIdsWhateverTheNewLabels() {
        var r = refresh("a=5 b=5 c=7", "a=100 b=100 c=200", STATE);
        assertThat(r.ids()).isEqualTo(map("a=5 b=5 c=7"));
        assertThat(r.counts()).isEqualTo(new StableIds.Counts(2, 2, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0));
        assertThat(r.next()).isEqualTo(STATE);
        assertThat(r.lineage()).containsExactly(new Lineage(5, 5, 2, Change.SAME), new Lineage(7, 7, 1, Change.SAME));
    }

    @Test
    void aClusterThatGainedNewRecordsKeepsItsIdAndTheNewRecordsTakeIt() {
        var r = refresh("a=5 b=5", "a=1 b=1 x=1", STATE);
        assertThat(r.ids()).isEqualTo(map("a=5 b=5 x=5"));
        assertThat(r.counts().kept()).isEqualTo(1);
        assertThat(r.counts().minted()).isZero();
        assertThat(r.counts().recordsNew()).isEqualTo(1);
        assertThat(r.lineage()).contains(new Lineage(StableIds.NONE, 5, 1, Change.ADDED));
    }

    @Test
    void onlyNewRecordsGetNewIdsAboveTheHighestEverUsedInOrderOfFirstRecord() {
        var r = refresh("a=5", "x=9 a=1 y=7 z=9", STATE);
        assertThat(r.ids()).isEqualTo(map("x=21 a=5 y=22 z=21"));
        assertThat(r.counts().minted()).isEqualTo(2);
        assertThat(r.next().highestId()).isEqualTo(22);
    }

    @Test
    void aMergeKeepsTheIdOfTheLargestPartAndRetiresTheOther() {
        var r = refresh("a=5 b=7 c=7", "a=1 b=1 c=1", STATE);
        assertThat(r.ids()).isEqualTo(map("a=7 b=7 c=7"));
        var c = r.counts();
        assertThat(c.merged()).isEqualTo(1);
        assertThat(c.retired()).isEqualTo(1);
        assertThat(c.keptAfterMergeOrSplit()).isEqualTo(1);
        assertThat(c.kept()).isZero();
        assertThat(c.recordsChangedId()).isEqualTo(1);
        assertThat(r.next().retired()).containsExactly(5L);
        assertThat(r.lineage()).containsExactly(new Lineage(5, 7, 1, Change.MOVED), new Lineage(7, 7, 2, Change.SAME));
    }

    @Test
    void aMergeOfEqualPartsKeepsTheOldestId() {
        var r = refresh("a=9 b=4", "a=1 b=1", STATE);
        assertThat(r.ids()).isEqualTo(map("a=4 b=4"));
        assertThat(r.next().retired()).containsExactly(9L);
    }

    @Test
    void aSplitKeepsTheIdForTheLargestPartAndMintsForTheRest() {
        var r = refresh("a=5 b=5 c=5 d=5", "a=1 b=2 c=2 d=3", STATE);
        assertThat(r.ids()).isEqualTo(map("a=21 b=5 c=5 d=22"));
        var c = r.counts();
        assertThat(c.split()).isEqualTo(1);
        assertThat(c.minted()).isEqualTo(2);
        assertThat(c.retired()).isZero();
        assertThat(c.keptAfterMergeOrSplit()).isEqualTo(1);
        assertThat(c.recordsKeptId()).isEqualTo(2);
        assertThat(c.recordsChangedId()).isEqualTo(2);
    }

    @Test
    void aSplitOfEqualPartsKeepsTheIdWhereItsFirstRecordNowIs() {
        var r = refresh("a=5 b=5", "b=2 a=1", STATE);
        // the cluster met first (b's) keeps it
        assertThat(r.ids()).isEqualTo(map("b=5 a=21"));
    }

    @Test
    void whenTheLargestPartOfAMergedClusterKeepsItsIdElsewhereTheClusterTakesItsNextPart() {
        // 5 splits: 3 records stay together (cluster 2), 2 join 7's records (cluster 1, parts 5:2 and 7:1)
        var r = refresh("a=5 b=5 c=5 d=5 e=5 f=7", "a=2 b=2 c=2 d=1 e=1 f=1", STATE);
        assertThat(r.ids()).isEqualTo(map("a=5 b=5 c=5 d=7 e=7 f=7"));
        assertThat(r.counts().retired()).isZero();
        assertThat(r.counts().merged()).isEqualTo(1);
        assertThat(r.counts().split()).isEqualTo(1);
    }

    @Test
    void aClusterWhosePartsAllKeepTheirIdsElsewhereGetsANewId() {
        var r = refresh("a=5 b=5 c=5 d=7 e=7 f=7", "a=1 b=1 d=2 e=2 c=3 f=3", STATE);
        assertThat(r.ids()).isEqualTo(map("a=5 b=5 d=7 e=7 c=21 f=21"));
        assertThat(r.counts().minted()).isEqualTo(1);
        assertThat(r.counts().merged()).isEqualTo(1);
    }

    @Test
    void anIdWhoseRecordsAllLeftTheInputIsRetiredAndOneThatLostSomeIsKept() {
        var r = refresh("a=5 b=5 c=7", "a=1", STATE);
        assertThat(r.ids()).isEqualTo(map("a=5"));
        var c = r.counts();
        assertThat(c.kept()).isEqualTo(1);
        assertThat(c.retired()).isEqualTo(1);
        assertThat(c.recordsGone()).isEqualTo(2);
        assertThat(r.next().retired()).containsExactly(7L);
        assertThat(r.lineage())
                .contains(
                        new Lineage(5, StableIds.NONE, 1, Change.REMOVED),
                        new Lineage(7, StableIds.NONE, 1, Change.REMOVED));
    }

    @Test
    void retiredIdsAreNeverUsedAgainAndTheStateCarriesThemForward() {
        IdState state = new IdState(30, Set.of(30L, 3L));
        var r = refresh("a=5 b=6", "a=1 b=1 x=2", state);
        assertThat(r.ids().get("x")).isEqualTo(31);
        assertThat(r.next().retired()).containsExactly(3L, 6L, 30L);
        assertThat(r.next().highestId()).isEqualTo(31);
    }

    @Test
    void aPreviousMapThatNamesARetiredOrUnmintedIdIsRefused() {
        assertThatThrownBy(() -> refresh("a=3", "a=1", new IdState(30, Set.of(3L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previous id 3 was retired");
        assertThatThrownBy(() -> refresh("a=31", "a=1", new IdState(30, Set.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 0..30");
    }

    @Test
    void theCountsAddUpToBothRunsTotals() {
        var r = refresh(
                "a=1 b=1 c=2 d=2 e=3 f=4 g=4 h=5", "a=1 b=1 c=1 d=2 e=3 f=4 g=5 x=6 y=6", new IdState(5, Set.of()));
        var c = r.counts();
        assertThat(c.kept() + c.keptAfterMergeOrSplit() + c.minted()).isEqualTo(c.ids());
        assertThat(c.kept() + c.keptAfterMergeOrSplit() + c.retired()).isEqualTo(c.previousIds());
        assertThat(c.recordsKeptId() + c.recordsChangedId() + c.recordsNew()).isEqualTo(9);
        assertThat(c.recordsKeptId() + c.recordsChangedId() + c.recordsGone()).isEqualTo(8);
    }

    @Test
    void aFirstRunMintsEveryIdFromOne() {
        var r = refresh("", "a=7 b=7 c=0", IdState.EMPTY);
        assertThat(r.ids()).isEqualTo(map("a=1 b=1 c=2"));
        assertThat(r.counts().minted()).isEqualTo(2);
    }

    @Test
    void theStateRefusesRetiredIdsAboveTheHighest() {
        assertThatThrownBy(() -> new IdState(5, Set.of(6L))).isInstanceOf(IllegalArgumentException.class);
        assertThat(IdState.firstRun(new long[] {0, 4, 2})).isEqualTo(new IdState(4, Set.of()));
    }
}
