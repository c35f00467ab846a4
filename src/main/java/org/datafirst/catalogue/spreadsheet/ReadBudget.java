package org.datafirst.catalogue.spreadsheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * What reading one uploaded workbook may cost, shared by both readers: a deadline (checked
 * cooperatively while reading, which also stops when the client has gone), the cells held in
 * memory, the text of one cell, and the numbers a cell may hold. Going past a bound stops the read
 * at once with a located problem; a bad cell value is a problem of its own and the read goes on.
 */
final class ReadBudget {

    /** Digits before or after the decimal point beyond which a number is refused as absurd. */
    static final int MAX_NUMBER_DIGITS = 30;
    /** Characters of a number as written in the file. */
    private static final int MAX_NUMBER_TEXT = 100;
    /** Problems reported before reading stops (the answer stays small). */
    static final int MAX_PROBLEMS = 100;
    /** Work units between two looks at the clock. */
    private static final int CHECK_EVERY = 1024;

    private final String file;
    private final UploadGuard.Limits limits;
    private final long deadline;
    private final BooleanSupplier abandoned;
    private long cells;
    private int work;

    ReadBudget(String file, UploadGuard.Limits limits, BooleanSupplier abandoned) {
        this.file = file;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.readTime().toNanos();
        this.abandoned = abandoned;
    }

    int maxRows() {
        return limits.maxRows();
    }

    /** One unit of work (an XML event, a repeated cell, a merged cell); looks at the clock now and then. */
    void tick() {
        if (++work % CHECK_EVERY == 0) {
            checkTime();
        }
    }

    void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw stop(
                    file,
                    "reading the workbook took longer than " + limits.readTime().toMillis()
                            + " ms; it is refused. Split the workbook or remove what makes it slow to read (huge repeats or "
                            + "merged areas).");
        }
        if (abandoned.getAsBoolean()) {
            throw stop(file, "the client went away; reading stopped.");
        }
    }

    /** Counts cells now held in memory (values and the empty cells before them). */
    void hold(long count, String where) {
        cells += count;
        for (long i = 0; i < count && i < CHECK_EVERY; i++) {
            tick();
        }
        if (cells > limits.maxCells()) {
            throw stop(
                    where,
                    "the workbook has more than " + limits.maxCells() + " cells (counting empty cells "
                            + "before values and merged areas); split it or ask for a higher limit.");
        }
    }

    /** Adds a problem met while reading; the read stops when there are too many to be useful. */
    void report(List<ProblemError> problems, ProblemError problem) {
        problems.add(problem);
        if (problems.size() >= MAX_PROBLEMS) {
            List<ProblemError> first = new java.util.ArrayList<>(problems);
            first.add(ProblemError.at(file, "reading stopped after " + MAX_PROBLEMS + " problems; mend these first"));
            throw new InvalidSpreadsheetException(file, first);
        }
    }

    /** Refuses a merged area larger than the whole workbook may be. */
    void area(long size, String where) {
        if (size > limits.maxCells()) {
            throw stop(
                    where,
                    "the merged area has " + size + " cells; at most " + limits.maxCells()
                            + " are accepted in a workbook.");
        }
    }

    /** Refuses a cell whose text grew past the limit. */
    void text(int length, String ref) {
        if (length > limits.maxCellChars()) {
            throw stop(ref, "the cell holds more than " + limits.maxCellChars() + " characters.");
        }
    }

    /**
     * A cell's text, or null with a problem when it holds a character no document may hold: a
     * Unicode non-character (U+FFFE, U+FFFF, U+FDD0…U+FDEF, …) or half of a surrogate pair.
     */
    String checked(String text, String ref, List<ProblemError> problems) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = text.codePointAt(i++);
                if (isNonCharacter(point)) {
                    report(
                            problems,
                            ProblemError.at(ref, String.format("the cell holds U+%X, a Unicode non-character", point)));
                    return null;
                }
            } else if (Character.isSurrogate(c)) {
                report(
                        problems,
                        ProblemError.at(ref, String.format("the cell holds a lone surrogate U+%04X", (int) c)));
                return null;
            } else if (isNonCharacter(c)) {
                report(
                        problems,
                        ProblemError.at(ref, String.format("the cell holds U+%04X, a Unicode non-character", (int) c)));
                return null;
            }
        }
        return text;
    }

    private static boolean isNonCharacter(int point) {
        return (point >= 0xFDD0 && point <= 0xFDEF) || (point & 0xFFFE) == 0xFFFE;
    }

    /**
     * A number as plain text (no exponent), or null with a problem when it is not finite, written
     * too long, or has more than {@link #MAX_NUMBER_DIGITS} digits before or after the point: such a
     * number written out in full (1E1000000000) would be gigabytes.
     */
    String plainNumber(String raw, String ref, List<ProblemError> problems) {
        BigDecimal number = parse(raw);
        if (number == null) {
            report(problems, ProblemError.at(ref, notANumber(raw)));
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > MAX_NUMBER_DIGITS || stripped.precision() - stripped.scale() > MAX_NUMBER_DIGITS) {
            report(
                    problems,
                    ProblemError.at(
                            ref,
                            "the number '" + shortened(raw) + "' has more than " + MAX_NUMBER_DIGITS
                                    + " digits before or after the decimal point"));
            return null;
        }
        return stripped.toPlainString();
    }

    /** A number that is finite and written within bounds, or null. */
    static BigDecimal parse(String raw) {
        if (raw == null || raw.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null; // NaN, INF, Infinity and anything else that is not a number
        }
    }

    static String notANumber(String raw) {
        return "the number '" + shortened(raw) + "' is not a finite number or is written with more than "
                + MAX_NUMBER_TEXT + " characters";
    }

    private static String shortened(String raw) {
        return raw == null ? "" : raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }

    /** Stops the read: the problem located at a cell, a sheet or the file. */
    InvalidSpreadsheetException stop(String where, String message) {
        return new InvalidSpreadsheetException(file, List.of(ProblemError.at(where, message)));
    }
}
