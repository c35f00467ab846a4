package org.datafirst.catalogue.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;

/** Dates and periods written the GOV.UK way ("1 January 2011", "January 2011 to March 2023"). */
public final class Format {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private Format() {}

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String month(LocalDate date) {
        return date == null ? "" : MONTH.format(date);
    }

    public static String period(CoverageDocument c) {
        return month(c.start()) + " to " + (c.end() == null ? "now" : month(c.end()));
    }

    /** All periods of a dataset in one line, each with its basis. */
    public static String periods(List<CoverageDocument> coverage) {
        return String.join(
                "; ",
                coverage.stream().map(c -> period(c) + " (" + c.basis() + ")").toList());
    }
}
