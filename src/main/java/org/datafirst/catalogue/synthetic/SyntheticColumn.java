package org.datafirst.catalogue.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One column of a synthetic table: its name and storage type, how its values are drawn, and what a
 * reader must know about it ({@code note}); {@code typeUnknown} flags a variable the dictionary
 * gives no type for, generated as text.
 */
record SyntheticColumn(
        String name, ColumnType type, Values values, DateTimeFormatter format, boolean typeUnknown, String note) {

    /** How a column's values are drawn. */
    sealed interface Values {}

    /** A lookup's codes, uniformly (the dictionary publishes no frequencies). */
    record Codes(String lookup, List<String> codes) implements Values {}

    /** Always null: the lookup has no codes. */
    record Nulls(String lookup) implements Values {}

    /** Days (or instants) uniform over the coverage periods, weighted by their length. */
    record Dates(List<Period> periods) implements Values {}

    record Integers(long min, long max) implements Values {}

    record Decimals(double min, double max) implements Values {}

    record Booleans() implements Values {}

    /** Placeholder tokens {@code <name>_<n>} from a small vocabulary, so values repeat. */
    record Tokens(int vocabulary) implements Values {}

    /** A meaningless key of an identifier role; {@code namespace} keeps different identifiers apart. */
    record Key(KeyLevel level, String namespace) implements Values {}

    record Period(LocalDate start, LocalDate end) {
        long days() {
            return end.toEpochDay() - start.toEpochDay() + 1;
        }
    }
}
