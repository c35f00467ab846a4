package org.datafirst.catalogue.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matching a query against the parts of a column or table name, which full-text search cannot
 * split when the words run together ({@code yearofbirth}, {@code pupilmatchingrefanonymous}): a
 * name matches when it contains every word of three letters or more of the query. The words go to
 * SQL as one bound parameter, {@code :parts}, separated by spaces.
 */
final class NamePart {

    private static final Set<String> IGNORED = Set.of("the", "and", "for", "with", "from", "per");

    /** Words are compared with the name letter for letter, so a few are enough. */
    private static final int MAX_WORDS = 6;

    private NamePart() {}

    /** The query's words for {@code :parts}; empty when none is long enough. */
    static String parameter(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3 && !IGNORED.contains(w))
                .distinct()
                .limit(MAX_WORDS)
                .collect(Collectors.joining(" "));
    }

    /** SQL: the name in {@code column} holds every word of {@code :parts}. */
    static String matches(String column) {
        return "(:parts <> '' and not exists (select 1 from unnest(string_to_array(:parts, ' ')) part "
                + "where strpos(lower(" + column + "), part) = 0))";
    }

    /** SQL: a small score for a name-part match, below any full-text match of the same name. */
    static String score(String column) {
        return "(case when " + matches(column) + " then 0.01 else 0 end)";
    }
}
