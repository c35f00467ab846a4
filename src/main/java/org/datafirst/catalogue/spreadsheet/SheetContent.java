package org.datafirst.catalogue.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * A sheet as read from an upload: its non-empty rows with their 0-based row numbers and trimmed
 * cell text ({@code null} when empty). Merged cells are filled with the merged value.
 */
public record SheetContent(String name, List<Row> rows) {

    public record Row(int index, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : null;
        }

        public boolean isEmpty() {
            return cells.stream().allMatch(c -> c == null);
        }
    }

    /** A workbook as read: its sheets in order and the problems met while reading cells. */
    public record Workbook(String format, List<SheetContent> sheets, List<ProblemError> problems) {

        public java.util.Optional<SheetContent> sheet(String name) {
            String wanted = Headers.normalise(name);
            return sheets.stream()
                    .filter(s -> Headers.normalise(s.name()).equals(wanted))
                    .findFirst();
        }
    }

    /** The A1 reference of a cell, with the sheet name quoted when it needs it: 'Lookup details'!B3. */
    public static String ref(String sheet, int row, int column) {
        return sheetRef(sheet) + OdsWriter.column(column) + (row + 1);
    }

    /** The reference of a whole row: Variables!17. */
    public static String rowRef(String sheet, int row) {
        return sheetRef(sheet) + (row + 1);
    }

    public static String sheetRef(String sheet) {
        return (PLAIN_NAME.matcher(sheet).matches() ? sheet : "'" + sheet.replace("'", "''") + "'") + "!";
    }

    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Collects rows while reading, filling merged areas afterwards. Rows are kept by index, so a
     * merged area costs time in proportion to its size; every cell held is counted against the budget.
     */
    static final class Builder {
        private final String name;
        private final ReadBudget budget;
        private final java.util.TreeMap<Integer, Row> rows = new java.util.TreeMap<>();

        Builder(String name, ReadBudget budget) {
            this.name = name;
            this.budget = budget;
        }

        void add(int index, List<String> cells) {
            while (!cells.isEmpty() && cells.get(cells.size() - 1) == null) {
                cells.remove(cells.size() - 1);
            }
            if (!cells.isEmpty()) {
                budget.hold(cells.size(), sheetRef(name) + (index + 1));
                rows.put(index, new Row(index, cells));
            }
        }

        /** Copies the top-left value of a merged area into its other cells. */
        void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            Row top = rows.get(firstRow);
            String value = top == null ? null : top.cell(firstColumn);
            if (value == null) {
                return;
            }
            String area = sheetRef(name) + OdsWriter.column(firstColumn) + (firstRow + 1) + ":"
                    + OdsWriter.column(lastColumn) + (lastRow + 1);
            if (lastRow - firstRow >= budget.maxRows()) {
                throw budget.stop(
                        area,
                        "the merged area spans more than " + budget.maxRows()
                                + " rows; split the workbook or ask for a higher limit");
            }
            budget.area((long) (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1), area);
            for (int r = firstRow; r <= lastRow; r++) {
                List<String> cells = rows.computeIfAbsent(r, index -> new Row(index, new ArrayList<>()))
                        .cells();
                if (cells.size() <= lastColumn) {
                    budget.hold(lastColumn + 1 - cells.size(), area);
                    while (cells.size() <= lastColumn) {
                        cells.add(null);
                    }
                }
                for (int c = firstColumn; c <= lastColumn; c++) {
                    budget.tick();
                    if (cells.get(c) == null) {
                        cells.set(c, value);
                    }
                }
            }
            if (rows.size() > budget.maxRows()) {
                throw budget.stop(
                        area,
                        "with its merged areas filled, the sheet has more than " + budget.maxRows()
                                + " rows; split the workbook or ask for a higher limit");
            }
        }

        SheetContent build() {
            return new SheetContent(name, List.copyOf(rows.values()));
        }
    }
}
