package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AverageLinkageTest {

    @Test
    void aChainWhoseEndsDisagreeIsCutWhereTheMeanFallsBelowTheThreshold() {
        // 0-1-2-3-4: neighbours 0.9, everything else 0.05
        AverageLinkage a = new AverageLinkage(5);
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                a.pair(i, j, j == i + 1 ? 0.9 : 0.05, false);
            }
        }
        int[] root = a.cluster(0.5);
        // a pair of neighbours merges (0.9); a third record's mean to a pair is (0.9 + 0.05) / 2 < 0.5
        for (int i = 0; i < 5; i++) {
            int cluster = root[i];
            assertThat(java.util.Arrays.stream(root).filter(r -> r == cluster).count())
                    .isLessThanOrEqualTo(2);
        }
        assertThat(root[1]).isEqualTo(root[0]);
    }

    @Test
    void aCannotLinkPairIsNeverInOneClusterEvenThroughOthers() {
        AverageLinkage a = new AverageLinkage(3);
        a.pair(0, 1, 0.99, false);
        a.pair(1, 2, 0.99, false);
        a.pair(0, 2, 0.99, true);
        int[] root = a.cluster(0.5);
        assertThat(root[0]).isNotEqualTo(root[2]);
        assertThat(root[1]).isIn(root[0], root[2]);
    }

    @Test
    void pairsWithoutEvidenceAreLeftOutOfTheMean() {
        // link_only: 0 and 2 come from one dataset and are never compared; both match 1
        AverageLinkage a = new AverageLinkage(3);
        a.pair(0, 1, 0.95, false);
        a.pair(1, 2, 0.9, false);
        assertThat(a.cluster(0.5)).containsExactly(0, 0, 0);
    }

    @Test
    void theResultIsTheLowestIndexOfEachClusterWhateverTheOrderOfTies() {
        AverageLinkage a = new AverageLinkage(4);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                a.pair(i, j, (i < 2) == (j < 2) ? 0.8 : 0.1, false);
            }
        }
        assertThat(a.cluster(0.5)).containsExactly(0, 0, 2, 2);
    }
}
