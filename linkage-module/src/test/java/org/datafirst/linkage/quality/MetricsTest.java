package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void wilsonIntervalMatchesTheTextbook() {
        // 8 of 10: Wilson 95% interval (0.4902, 0.9433)
        double[] ci = Metrics.wilson(8, 10);
        assertThat(ci[0]).isCloseTo(0.4902, offset(1e-4));
        assertThat(ci[1]).isCloseTo(0.9433, offset(1e-4));
        // 0 of 20: (0, 0.1611)
        assertThat(Metrics.wilson(0, 20)[0]).isEqualTo(0.0);
        assertThat(Metrics.wilson(0, 20)[1]).isCloseTo(0.1611, offset(1e-4));
    }

    @Test
    void precisionRecallF1AndDeltaMethodInterval() {
        Metrics m = Metrics.of(0.5, 90, 10, 30);
        assertThat(m.precision()).isCloseTo(0.9, offset(1e-12));
        assertThat(m.recall()).isCloseTo(0.75, offset(1e-12));
        assertThat(m.f1()).isCloseTo(2 * 0.9 * 0.75 / 1.65, offset(1e-12));
        // J = 90/130; se(F1) = 2/(1+J)^2 * sqrt(J(1-J)/130)
        double j = 90.0 / 130;
        double se = 2 / Math.pow(1 + j, 2) * Math.sqrt(j * (1 - j) / 130);
        assertThat(m.f1Ci()[0]).isCloseTo(m.f1() - 1.96 * se, offset(1e-4));
        assertThat(m.f1Ci()[1]).isCloseTo(m.f1() + 1.96 * se, offset(1e-4));
        assertThat(m.precisionCi()[0]).isLessThan(0.9);
        assertThat(m.precisionCi()[1]).isGreaterThan(0.9);
    }
}
