package org.datafirst.catalogue.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Tolerant header matching: case, spaces, punctuation and column order do not matter. */
final class Headers {

    private Headers() {}

    /** "Values (optional)" → "valuesoptional", "Table Name" → "tablename". */
    static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * Finds the header row among the first rows of a sheet: the first row holding all the required
     * headers. Each wanted column may have aliases; the map gives each column's index.
     */
    static Optional<Found> find(SheetContent sheet, List<List<String>> wanted, int required) {
        for (SheetContent.Row row :
                sheet.rows().subList(0, Math.min(10, sheet.rows().size()))) {
            Map<String, Integer> present = new HashMap<>();
            for (int c = 0; c < row.cells().size(); c++) {
                present.putIfAbsent(normalise(row.cell(c)), c);
            }
            List<Integer> columns = new ArrayList<>();
            for (List<String> aliases : wanted) {
                columns.add(aliases.stream()
                        .map(Headers::normalise)
                        .filter(present::containsKey)
                        .map(present::get)
                        .findFirst()
                        .orElse(-1));
            }
            if (columns.subList(0, required).stream().allMatch(c -> c >= 0)) {
                return Optional.of(new Found(row.index(), columns));
            }
        }
        return Optional.empty();
    }

    /** The header row and, per wanted column, its index or -1. */
    record Found(int headerRow, List<Integer> columns) {}
}
