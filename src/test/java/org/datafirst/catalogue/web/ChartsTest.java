package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        // Then the axis spans 2011-2012: A fills the width and B the leap year 2012, 366 of the 731 days
        assertThat(svg)
                .contains("<title id=\"t-title\">Title &lt;&amp;&gt;</title>", "aria-labelledby=\"t-title t-desc\"")
                .contains(">2011</text>", ">2012</text>")
                .doesNotContain(">2013</text>");
        assertThat(rects(svg)).containsExactly("0.00% 100.00% #003078", "49.93% 50.07% #003078");
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
        assertThat(rects(svg)).containsExactly("0.00% 49.93% #003078", "49.93% 50.07% #5694ca");
    }

    @Test
    void chartsAreAsWideAsTheirColumnAndTheirTextIsNotScaled() {
        String svg = Charts.timeline(
                "t",
                "T",
                "D",
                List.of(new Charts.TimelineRow(
                        "A", List.of(new Charts.Span(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 12, 31), null)))),
                TODAY);
        // no viewBox: the SVG's units are CSS pixels, so 16 px text stays 16 px on a phone
        assertThat(svg).doesNotContain("viewBox").contains("width=\"100%\"", "font-size=\"16\"");
        // 27 years: a label every 5 years (2000 … 2020), so labels never overlap on a narrow screen
        Matcher year = Pattern.compile(">(\\d{4})</text>").matcher(svg);
        List<String> labels = new java.util.ArrayList<>();
        while (year.find()) {
            labels.add(year.group(1));
        }
        assertThat(labels).containsExactly("2000", "2005", "2010", "2015", "2020");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 1", "8, 2", "14, 2", "15, 5", "27, 5", "36, 10"})
    void atMostSevenYearsAreLabelled(int years, int step) {
        assertThat(Charts.yearStep(years)).isEqualTo(step);
    }

    @Test
    void longLabelsWrapAtSpacesAndAValueThatDoesNotFitHasALineOfItsOwn() {
        String label = "Referral dates (start of probation supervision)";
        assertThat(Charts.wrap(label))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Charts.LABEL_CHARACTERS))
                .hasSize(2);
        assertThat(String.join(" ", Charts.wrap(label))).isEqualTo(label);
        String svg = Charts.bars("b", "T", "D", List.of(new Charts.Bar(label, null), new Charts.Bar("1", 5.0)), "");
        assertThat(svg)
                .contains("<tspan x=\"0\" dy=\"20\" font-weight=\"bold\">suppressed (fewer than 10)</tspan>")
                .contains("<tspan x=\"0\">1</tspan> <tspan font-weight=\"bold\">5</tspan>");
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
        // Bars are per cent of the width: 80% fills it, 40% half of it
        assertThat(rects(view.ratesSvg())).containsExactly("0.00% 100.00% #003078", "0.00% 50.00% #003078");
        assertThat(view.ratesSvg()).contains(">80%</tspan>", ">40%</tspan>");
        assertThat(rects(view.clusterSizesSvg())).containsExactly("0.00% 100.00% #003078", "0.00% 25.00% #003078");
        assertThat(view.clusterSizesSvg()).contains(">12,000</tspan>", ">suppressed (fewer than 10)</tspan>");
        assertThat(rects(view.matchWeightsSvg())).containsExactly("0.00% 25.00% #003078", "0.00% 100.00% #003078");
        assertThat(view.matchWeightsSvg()).contains("Match-weight histogram, Probation");
        assertThat(view.clusterSizes().get(2).shown()).isEqualTo("suppressed (fewer than 10)");
        assertThat(view.clusterSizes().get(0).shown()).isEqualTo("12,000");
    }

    @Test
    void theTwoBluesCanBeToldApartAndFromThePage() {
        assertThat(contrast(Charts.BLUE, Charts.LIGHT_BLUE)).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(Charts.BLUE, "#ffffff")).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(Charts.LIGHT_BLUE, "#ffffff")).isGreaterThanOrEqualTo(3.0);
    }

    /** Each bar as "x width fill". */
    private static List<String> rects(String svg) {
        Matcher rect = Pattern.compile(
                        "<rect x=\"([^\"]+)\" y=\"[^\"]+\" width=\"([^\"]+)\" height=\"\\d+\" fill=\"([^\"]+)\"/>")
                .matcher(svg);
        List<String> found = new java.util.ArrayList<>();
        while (rect.find()) {
            found.add(rect.group(1) + " " + rect.group(2) + " " + rect.group(3));
        }
        return found;
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
