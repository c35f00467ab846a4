package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @Test
    void mOfALevelIsTheMedianOverTheSessionsAsInSplink() {
        // Given three sessions, one of them far off (the mean would be 0.7333 / 0.2667)
        List<double[]> sessions = List.of(new double[] {0.9, 0.1}, new double[] {0.5, 0.5}, new double[] {0.8, 0.2});
        // Then each level takes the middle session's value
        assertThat(Trainer.medianPerLevel(sessions)).containsExactly(0.8, 0.2);
        // and with two sessions the median is their mean
        assertThat(Trainer.medianPerLevel(List.of(new double[] {0.9, 0.1}, new double[] {0.5, 0.5})))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(0.7, 0.3);
    }
}
