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
            return sheets.stream().filter(s -> Headers.normalise(s.name()).equals(wanted)).findFirst();
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

    /** Collects rows while reading, filling merged areas afterwards. */
    static final class Builder {
        private final String name;
        private final List<Row> rows = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        int size() {
            return rows.size();
        }

        void add(int index, List<String> cells) {
            while (!cells.isEmpty() && cells.get(cells.size() - 1) == null) {
                cells.remove(cells.size() - 1);
            }
            if (!cells.isEmpty()) {
                rows.add(new Row(index, cells));
            }
        }

        /** Copies the top-left value of a merged area into its other cells. */
        void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            String value = null;
            for (Row row : rows) {
                if (row.index() == firstRow) {
                    value = row.cell(firstColumn);
                }
            }
            if (value == null) {
                return;
            }
            for (int r = firstRow; r <= lastRow; r++) {
                Row row = rowAt(r);
                for (int c = firstColumn; c <= lastColumn; c++) {
                    while (row.cells().size() <= c) {
                        row.cells().add(null);
                    }
                    if (row.cells().get(c) == null) {
                        row.cells().set(c, value);
                    }
                }
            }
        }

        private Row rowAt(int index) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).index() == index) {
                    return rows.get(i);
                }
                if (rows.get(i).index() > index) {
                    Row created = new Row(index, new ArrayList<>());
                    rows.add(i, created);
                    return created;
                }
            }
            Row created = new Row(index, new ArrayList<>());
            rows.add(created);
            return created;
        }

        SheetContent build() {
            return new SheetContent(name, List.copyOf(rows));
        }
    }
}
