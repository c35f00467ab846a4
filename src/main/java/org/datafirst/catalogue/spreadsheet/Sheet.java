package org.datafirst.catalogue.spreadsheet;

import java.util.List;

/**
 * One sheet of a dictionary workbook, independent of the file format: a name, its columns and rows
 * of text ({@code null} for an empty cell). Writers lay it out; readers produce {@link SheetContent}.
 */
public record Sheet(String name, List<Column> columns, List<List<String>> rows) {

    public Sheet {
        columns = List.copyOf(columns);
    }

    /** A column: its header, its width in characters, and whether long text wraps. */
    public record Column(String header, int width, boolean wrap) {

        public static Column narrow(String header) {
            return new Column(header, Math.max(12, header.length() + 4), false);
        }

        public static Column wide(String header) {
            return new Column(header, 60, true);
        }

        public static Column of(String header, int width) {
            return new Column(header, width, false);
        }
    }

    /** What a workbook is about: written as a title row above each sheet's header and as document properties. */
    public record Title(String title, String subject, java.time.LocalDate date) {

        public String line() {
            return title + " — " + subject + " — " + date;
        }
    }
}
