package org.datafirst.catalogue.web;

import static org.datafirst.catalogue.web.Html.escape;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * SVG charts as strings: pure functions of their data. Every chart is an {@code img} with a title
 * and a description naming what it shows; pages also give the numbers in a table.
 */
public final class Charts {

    static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 300;
    private static final int ROW = 34;
    private static final int BAR = 20;
    private static final int AXIS = 34;
    /**
     * GOV.UK colours: dark blue bars, light blue for the part that cannot be linked, black text. The two
     * blues differ by 3.8:1 and each has at least 3:1 against white (WCAG 1.4.11), so they can be told
     * apart and from the page (GOV.UK's #1d70b8 and #5694ca differ by only 1.6:1).
     */
    static final String BLUE = "#003078";

    static final String LIGHT_BLUE = "#5694ca";
    private static final String TEXT = "#0b0c0c";
    private static final String GRID = "#b1b4b6";

    private Charts() {}

    /** A dataset (or other row) with its coverage periods. */
    public record TimelineRow(String label, List<Span> spans) {}

    /** A period from start to end (open when null); records after linkableUntil cannot be linked. */
    public record Span(LocalDate start, LocalDate end, LocalDate linkableUntil) {}

    /** One bar: a label and a value; a null value is suppressed (shown as text, not drawn). */
    public record Bar(String label, Double value) {}

    /** Years from the first start to the last end (or linkable date) of the rows, inclusive. */
    static int[] years(List<TimelineRow> rows, LocalDate today) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (TimelineRow row : rows) {
            for (Span span : row.spans()) {
                first = Math.min(first, span.start().getYear());
                last = Math.max(last, (span.end() == null ? today : span.end()).getYear());
            }
        }
        if (first == Integer.MAX_VALUE) {
            return new int[] {today.getYear(), today.getYear()};
        }
        return new int[] {first, last};
    }

    /** Horizontal timeline: one row per label, a bar per period on a shared year axis. */
    public static String timeline(
            String id, String title, String description, List<TimelineRow> rows, LocalDate today) {
        int[] years = years(rows, today);
        LocalDate from = LocalDate.of(years[0], 1, 1);
        LocalDate to = LocalDate.of(years[1] + 1, 1, 1);
        double days = ChronoUnit.DAYS.between(from, to);
        int plot = WIDTH - LABEL_WIDTH - 20;
        int height = AXIS + rows.size() * ROW + 10;
        StringBuilder svg = open(id, title, description, height);
        int step = years[1] - years[0] > 16 ? 2 : 1;
        for (int year = years[0]; year <= years[1] + 1; year += step) {
            double x = LABEL_WIDTH + plot * ChronoUnit.DAYS.between(from, LocalDate.of(year, 1, 1)) / days;
            svg.append(line(x, AXIS - 6, x, height - 10, GRID));
            if (year <= years[1]) {
                svg.append(text(x + 3, AXIS - 12, String.valueOf(year), "start", 13));
            }
        }
        int y = AXIS;
        for (TimelineRow row : rows) {
            svg.append(text(LABEL_WIDTH - 10, y + ROW / 2 + 5, row.label(), "end", 15));
            for (Span span : row.spans()) {
                LocalDate end = (span.end() == null ? to.minusDays(1) : span.end()).plusDays(1);
                LocalDate linkable = span.linkableUntil() == null
                        ? end
                        : min(span.linkableUntil().plusDays(1), end);
                double x1 = LABEL_WIDTH + plot * ChronoUnit.DAYS.between(from, span.start()) / days;
                double x2 = LABEL_WIDTH + plot * ChronoUnit.DAYS.between(from, linkable) / days;
                double x3 = LABEL_WIDTH + plot * ChronoUnit.DAYS.between(from, end) / days;
                svg.append(rect(x1, y + (ROW - BAR) / 2.0, x2 - x1, BAR, BLUE));
                if (x3 > x2) {
                    svg.append(rect(x2, y + (ROW - BAR) / 2.0, x3 - x2, BAR, LIGHT_BLUE));
                }
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bar chart with the value written after each bar. */
    public static String bars(String id, String title, String description, List<Bar> bars, String unit) {
        double max = bars.stream()
                .filter(b -> b.value() != null)
                .mapToDouble(Bar::value)
                .max()
                .orElse(1);
        if (max <= 0) {
            max = 1;
        }
        int plot = WIDTH - LABEL_WIDTH - 120;
        int height = 10 + bars.size() * ROW;
        StringBuilder svg = open(id, title, description, height);
        int y = 10;
        for (Bar bar : bars) {
            svg.append(text(LABEL_WIDTH - 10, y + ROW / 2 + 5, bar.label(), "end", 15));
            if (bar.value() == null) {
                svg.append(text(LABEL_WIDTH + 5, y + ROW / 2 + 5, "suppressed (fewer than 10)", "start", 14));
            } else {
                double w = plot * bar.value() / max;
                svg.append(rect(LABEL_WIDTH, y + (ROW - BAR) / 2.0, w, BAR, BLUE));
                svg.append(text(LABEL_WIDTH + w + 6, y + ROW / 2 + 5, number(bar.value()) + unit, "start", 14));
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.UK, "%,d", (long) value)
                : String.format(Locale.UK, "%,.1f", value);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        return new StringBuilder(2048)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" id=\"")
                .append(escape(id))
                .append("\" role=\"img\" font-family=\"GDS Transport, arial, sans-serif\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"")
                .append(escape(id))
                .append("-title ")
                .append(escape(id))
                .append("-desc\"><title id=\"")
                .append(escape(id))
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(escape(id))
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x,
                y,
                Math.max(w, 1),
                h,
                fill);
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                x1,
                y1,
                x2,
                y2,
                stroke);
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">",
                        x,
                        y,
                        anchor,
                        size,
                        TEXT)
                + escape(content) + "</text>";
    }
}
