package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Test
    void timelineDrawsABarPerPeriodOnASharedYearAxis() {
        // Given two datasets: 2011–2012 and 2012 (whole years)
        List<Charts.TimelineRow> rows = List.of(
                new Charts.TimelineRow(
                        "A", List.of(new Charts.Span(LocalDate.of(2011, 1, 1), LocalDate.of(2012, 12, 31), null))),
                new Charts.TimelineRow(
                        "B", List.of(new Charts.Span(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 12, 31), null))));
        String svg = Charts.timeline("t", "Title <&>", "Desc", rows, TODAY);
        // Then the axis spans 2011-2012: the plot is 640 wide from x=300, so A fills it and B the leap year
        // 2012, 366 of the 731 days
        assertThat(svg)
                .contains("<title id=\"t-title\">Title &lt;&amp;&gt;</title>", "aria-labelledby=\"t-title t-desc\"")
                .contains("<rect x=\"300.0\" y=\"41.0\" width=\"640.0\" height=\"20.0\" fill=\"#003078\"/>")
                .contains("<rect x=\"619.6\" y=\"75.0\" width=\"320.4\" height=\"20.0\" fill=\"#003078\"/>")
                .contains(">2011</text>", ">2012</text>")
                .doesNotContain(">2013</text>");
    }

    @Test
    void thePartAfterLinkableUntilIsDrawnLighter() {
        // 2011-2012 with records linkable only until the end of 2011
        String svg = Charts.timeline(
                "t",
                "T",
                "D",
                List.of(new Charts.TimelineRow(
                        "A",
                        List.of(new Charts.Span(
                                LocalDate.of(2011, 1, 1), LocalDate.of(2012, 12, 31), LocalDate.of(2011, 12, 31))))),
                TODAY);
        assertThat(svg)
                .contains("<rect x=\"300.0\" y=\"41.0\" width=\"319.6\" height=\"20.0\" fill=\"#003078\"/>")
                .contains("<rect x=\"619.6\" y=\"41.0\" width=\"320.4\" height=\"20.0\" fill=\"#5694ca\"/>");
    }

    @Test
    void openPeriodsRunToToday() {
        assertThat(Charts.years(
                        List.of(new Charts.TimelineRow(
                                "A", List.of(new Charts.Span(LocalDate.of(2020, 5, 1), null, null)))),
                        TODAY))
                .containsExactly(2020, 2025);
    }

    @Test
    void linkageQualityChartsScaleToTheLargestValueAndShowSuppressedCounts() {
        LinkageQualityView view = new LinkageQualityView(
                "Probation",
                "release 2",
                null,
                List.of(),
                List.of(
                        new LinkageQualityView.RoleRate("offender", 80.0),
                        new LinkageQualityView.RoleRate("victim", 40.0)),
                List.of(
                        new LinkageQualityView.Count("1", 12_000L),
                        new LinkageQualityView.Count("2", 3_000L),
                        new LinkageQualityView.Count("10+", null)),
                List.of(
                        new LinkageQualityView.Count("-10 to 0", 250L),
                        new LinkageQualityView.Count("0 to 10", 1_000L)),
                List.of());
        // The plot is 540 wide: 80% fills it, 40% half of it
        assertThat(view.ratesSvg()).contains("width=\"540.0\"", "width=\"270.0\"", ">80%</text>", ">40%</text>");
        assertThat(view.clusterSizesSvg())
                .contains("width=\"540.0\"", "width=\"135.0\"", ">12,000</text>", ">suppressed (fewer than 10)</text>");
        assertThat(view.matchWeightsSvg())
                .contains("width=\"135.0\"", "width=\"540.0\"", "Match-weight histogram, Probation");
        assertThat(view.clusterSizes().get(2).shown()).isEqualTo("suppressed (fewer than 10)");
        assertThat(view.clusterSizes().get(0).shown()).isEqualTo("12,000");
    }

    @Test
    void theTwoBluesCanBeToldApartAndFromThePage() {
        assertThat(contrast(Charts.BLUE, Charts.LIGHT_BLUE)).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(Charts.BLUE, "#ffffff")).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(Charts.LIGHT_BLUE, "#ffffff")).isGreaterThanOrEqualTo(3.0);
    }

    /** WCAG 2 contrast ratio of two #rrggbb colours. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
