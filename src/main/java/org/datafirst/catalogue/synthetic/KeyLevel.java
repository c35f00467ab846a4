package org.datafirst.catalogue.synthetic;

import java.util.Arrays;
import java.util.Optional;

/**
 * The identifier roles of the dictionary, coarsest first. A row's finer key determines its coarser
 * ones (an event belongs to one case, a case to one person) through the same hash everywhere, so a
 * key that appears in two tables, or in two datasets, always carries the same coarser keys.
 */
enum KeyLevel {
    PERSON("person-key", 3, 5),
    CASE("case-key", 4, 5),
    JOIN("join-key", 1, 1),
    RECORD("record-key", 1, 1);

    private final String role;
    private final int numerator;
    private final int denominator;

    KeyLevel(String role, int numerator, int denominator) {
        this.role = role;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    static Optional<KeyLevel> ofRole(String role) {
        return Arrays.stream(values()).filter(l -> l.role.equals(role)).findFirst();
    }

    String role() {
        return role;
    }

    /**
     * How many distinct entities of this level there are for {@code rows} rows: fewer people than cases
     * and fewer cases than events, so coarser keys repeat (about 1.7 rows a person).
     */
    long size(int rows) {
        return Math.max(1, (long) rows * numerator / denominator);
    }
}
