package org.datafirst.catalogue.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Remembers which sheet cell each part of a document came from, so that an error found later by
 * the JSON Schema or the document rules (located by JSON pointer) is reported at its cell.
 */
final class SheetLocations {

    private static final Pattern REQUIRED = Pattern.compile("required property '([^']+)'");

    /** A cell, its column header and the text it held. */
    record Cell(String ref, String header, String value) {}

    private final Map<String, Cell> cells = new HashMap<>();
    private final String file;

    SheetLocations(String file) {
        this.file = file;
    }

    void put(String pointer, Cell cell) {
        cells.putIfAbsent(pointer, cell);
    }

    /** The same errors, each at the cell its pointer came from (or the nearest enclosing row). */
    List<ProblemError> locate(List<ProblemError> errors) {
        List<ProblemError> located = new ArrayList<>();
        for (ProblemError error : errors) {
            located.add(locate(error.pointer() == null ? "" : error.pointer(), error.message()));
        }
        return located;
    }

    ProblemError locate(String pointer, String message) {
        Matcher required = REQUIRED.matcher(message);
        if (required.find() && cells.containsKey(pointer + "/" + required.group(1))) {
            Cell cell = cells.get(pointer + "/" + required.group(1));
            return ProblemError.at(cell.ref(), cell.header() + " is required");
        }
        Cell exact = cells.get(pointer);
        if (exact != null) {
            String what = exact.value() == null ? exact.header() : exact.header() + " '" + exact.value() + "'";
            return ProblemError.at(exact.ref(), what + ": " + message);
        }
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            Cell enclosing = cells.get(p);
            if (enclosing != null) {
                return ProblemError.at(enclosing.ref(), message + " (" + pointer + ")");
            }
        }
        return new ProblemError(file, pointer.isEmpty() ? null : pointer, message);
    }
}
