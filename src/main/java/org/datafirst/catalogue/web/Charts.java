package org.datafirst.catalogue.web;

import static org.datafirst.catalogue.web.Html.escape;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SVG charts as strings: pure functions of their data. Every chart is an {@code img} with a title
 * and a description naming what it shows; pages also give the numbers in a table.
 *
 * <p>A chart is as wide as its column and is not scaled: it has no viewBox, horizontal positions are percentages of
 * its width and vertical ones CSS pixels, so its text keeps its size on a phone (as GOV.UK and ONS charts do, each
 * label sits above its bar and long labels wrap, instead of a label column that would squeeze the bars).
 */
public final class Charts {

    /** Label text (GOV.UK body text on phones) and its line height, in CSS pixels. */
    static final int LABEL_SIZE = 16;

    private static final int LINE = 20;
    /** Year labels on the timeline axis. */
    static final int AXIS_SIZE = 14;

    private static final int AXIS = 26;
    private static final int BAR = 20;
    private static final int GAP = 14;
    /** Longest label line: about 230 px of 16 px text, well inside a 320 px screen's 290 px column. */
    static final int LABEL_CHARACTERS = 28;
    /** At most this many year labels, so they never overlap at 290 px (each has at least 40 px). */
    private static final int MAX_YEAR_LABELS = 7;

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

    /** Horizontal timeline: one row per label (written above its bars), a bar per period on a shared year axis. */
    public static String timeline(
            String id, String title, String description, List<TimelineRow> rows, LocalDate today) {
        int[] years = years(rows, today);
        LocalDate from = LocalDate.of(years[0], 1, 1);
        LocalDate to = LocalDate.of(years[1] + 1, 1, 1);
        double days = ChronoUnit.DAYS.between(from, to);
        List<Label> labels =
                rows.stream().map(row -> new Label(wrap(row.label()), null)).toList();
        int height = AXIS + labels.stream().mapToInt(Label::rowHeight).sum();
        StringBuilder svg = open(id, title, description, height);
        int step = yearStep(years[1] - years[0] + 1);
        for (int year = years[0]; year <= years[1] + 1; year++) {
            double x = 100 * ChronoUnit.DAYS.between(from, LocalDate.of(year, 1, 1)) / days;
            svg.append(line(x, AXIS - 4, height - GAP, GRID));
            // a label only where the years up to the next label fit after it, so the last never runs off the chart
            if (year % step == 0 && year + step <= years[1] + 1) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.2f%%\" dx=\"3\" y=\"%d\" font-size=\"%d\" fill=\"%s\">%d</text>",
                        x,
                        AXIS - 10,
                        AXIS_SIZE,
                        TEXT,
                        year));
            }
        }
        int y = AXIS;
        for (int i = 0; i < rows.size(); i++) {
            svg.append(labels.get(i).svg(y));
            double top = y + labels.get(i).barTop();
            for (Span period : rows.get(i).spans()) {
                LocalDate end = (period.end() == null ? to.minusDays(1) : period.end()).plusDays(1);
                LocalDate linkable = period.linkableUntil() == null
                        ? end
                        : min(period.linkableUntil().plusDays(1), end);
                double x1 = 100 * ChronoUnit.DAYS.between(from, period.start()) / days;
                double x2 = 100 * ChronoUnit.DAYS.between(from, linkable) / days;
                double x3 = 100 * ChronoUnit.DAYS.between(from, end) / days;
                svg.append(rect(x1, top, x2 - x1, BLUE));
                if (x3 > x2) {
                    svg.append(rect(x2, top, x3 - x2, LIGHT_BLUE));
                }
            }
            y += labels.get(i).rowHeight();
        }
        return svg.append("</svg>").toString();
    }

    /** Years between axis labels: 1, 2, 5, 10 … so that at most {@link #MAX_YEAR_LABELS} are written. */
    static int yearStep(int years) {
        int[] steps = {1, 2, 5, 10, 20, 50, 100};
        for (int step : steps) {
            if (Math.ceil(years / (double) step) <= MAX_YEAR_LABELS) {
                return step;
            }
        }
        return steps[steps.length - 1];
    }

    /** Horizontal bar chart: each label with its value (in bold) above its bar. */
    public static String bars(String id, String title, String description, List<Bar> bars, String unit) {
        double max = bars.stream()
                .filter(b -> b.value() != null)
                .mapToDouble(Bar::value)
                .max()
                .orElse(1);
        if (max <= 0) {
            max = 1;
        }
        List<Label> labels = bars.stream()
                .map(bar -> new Label(
                        wrap(bar.label()),
                        bar.value() == null ? "suppressed (fewer than 10)" : number(bar.value()) + unit))
                .toList();
        StringBuilder svg = open(
                id,
                title,
                description,
                labels.stream().mapToInt(Label::rowHeight).sum());
        int y = 0;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            svg.append(labels.get(i).svg(y));
            if (bar.value() != null) {
                svg.append(rect(0, y + labels.get(i).barTop(), 100 * bar.value() / max, BLUE));
            }
            y += labels.get(i).rowHeight();
        }
        return svg.append("</svg>").toString();
    }

    /** Words on lines of at most {@link #LABEL_CHARACTERS}; a longer word has a line of its own. */
    static List<String> wrap(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LABEL_CHARACTERS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The text above a bar: the label's lines, then the value (bold) after the last line, or on a line of its own
     * when it would make that line too long.
     */
    private record Label(List<String> lines, String value) {

        boolean valueOnItsOwnLine() {
            return value != null && lines.get(lines.size() - 1).length() + 1 + value.length() > LABEL_CHARACTERS;
        }

        /** The bar's top, from the top of the row. */
        int barTop() {
            return (lines.size() + (valueOnItsOwnLine() ? 1 : 0)) * LINE + 4;
        }

        int rowHeight() {
            return barTop() + BAR + GAP;
        }

        String svg(int top) {
            StringBuilder text = new StringBuilder(String.format(
                    Locale.ROOT, "<text y=\"%d\" font-size=\"%d\" fill=\"%s\">", top + LABEL_SIZE, LABEL_SIZE, TEXT));
            for (int i = 0; i < lines.size(); i++) {
                text.append(i == 0 ? "<tspan x=\"0\">" : "<tspan x=\"0\" dy=\"" + LINE + "\">")
                        .append(escape(lines.get(i)))
                        .append("</tspan>");
            }
            if (value != null) {
                text.append(valueOnItsOwnLine() ? "<tspan x=\"0\" dy=\"" + LINE + "\"" : " <tspan")
                        .append(" font-weight=\"bold\">")
                        .append(escape(value))
                        .append("</tspan>");
            }
            return text.append("</text>").toString();
        }
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
                .append("\" role=\"img\" font-family=\"GDS Transport, arial, sans-serif\" width=\"100%\" height=\"")
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

    /** A bar from x (per cent of the width) and y (pixels), at least one pixel wide. */
    private static String rect(double x, double y, double width, String fill) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%.2f%%\" y=\"%.1f\" width=\"%.2f%%\" height=\"%d\" fill=\"%s\"/>",
                x,
                y,
                Math.max(width, 0.1),
                BAR,
                fill);
    }

    private static String line(double x, double y1, double y2, String stroke) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.2f%%\" y1=\"%.1f\" x2=\"%.2f%%\" y2=\"%.1f\" stroke=\"%s\"/>",
                x,
                y1,
                x,
                y2,
                stroke);
    }
}
