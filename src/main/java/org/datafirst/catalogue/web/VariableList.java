package org.datafirst.catalogue.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.problem.BadParameterException;

/**
 * A researcher's variable list for a data access application: which variables of which dataset and
 * table, each with a justification. Kept by the browser in a signed cookie ({@link VariableListCookie}),
 * so nothing is stored on the server; bounded by {@link #MAX_ENTRIES} and {@link #MAX_JUSTIFICATION}.
 */
public record VariableList(List<Entry> entries) {

    public static final int MAX_ENTRIES = 60;
    public static final int MAX_JUSTIFICATION = 500;

    public static final VariableList EMPTY = new VariableList(List.of());

    /** One requested variable; the justification is empty until written. */
    public record Entry(String dataset, String table, String variable, String justification) {
        boolean sameVariable(Entry other) {
            return dataset.equals(other.dataset) && table.equals(other.table) && variable.equals(other.variable);
        }
    }

    public VariableList {
        entries = List.copyOf(entries);
    }

    /** This list with the new entries that it does not hold yet, in order. */
    public VariableList with(List<Entry> added) {
        List<Entry> all = new ArrayList<>(entries);
        for (Entry e : added) {
            if (all.stream().noneMatch(e::sameVariable)) {
                all.add(e);
            }
        }
        if (all.size() > MAX_ENTRIES) {
            throw new BadParameterException(
                    "variable", "would make the list longer than " + MAX_ENTRIES + " variables: remove some first");
        }
        return new VariableList(all);
    }

    public VariableList without(int index) {
        if (index < 0 || index >= entries.size()) {
            return this;
        }
        List<Entry> rest = new ArrayList<>(entries);
        rest.remove(index);
        return new VariableList(rest);
    }

    /** Justifications by entry index; an index the list does not have is ignored. */
    public VariableList justified(Map<Integer, String> justifications) {
        List<Entry> updated = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String text = justifications.getOrDefault(i, e.justification()).strip();
            if (text.length() > MAX_JUSTIFICATION) {
                throw new BadParameterException(
                        "justification-" + i, "must be at most " + MAX_JUSTIFICATION + " characters");
            }
            updated.add(new Entry(e.dataset(), e.table(), e.variable(), text));
        }
        return new VariableList(updated);
    }

    /** Entries grouped by dataset, in the order they were first added. */
    public Map<String, List<Integer>> indexesByDataset() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            groups.computeIfAbsent(entries.get(i).dataset(), k -> new ArrayList<>())
                    .add(i);
        }
        return groups;
    }

    public int size() {
        return entries.size();
    }
}
