package org.datafirst.linkage.engine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DuckDB's string, hash and date functions in plain Java, giving DuckDB's results, so that an engine without
 * them (Spark) computes the same gammas and draws the same u sample. {@code DuckDbFunctionsTest} compares
 * each with DuckDB on many values.
 */
public final class DuckDbFunctions {

    private DuckDbFunctions() {}

    private static final long MURMUR = 0xd6e8feb86659fd93L;

    /** DuckDB's {@code hash(BIGINT)}. */
    static long hash(long x) {
        x ^= x >>> 32;
        x *= MURMUR;
        x ^= x >>> 32;
        x *= MURMUR;
        x ^= x >>> 32;
        return x;
    }

    /** {@code hash(value, seed) % 2^32} as DuckDB computes it (the hash is unsigned; the low 32 bits). */
    public static long hashBucket(long value, long seed) {
        long a = hash(value);
        a ^= a >>> 32;
        a *= MURMUR;
        return (a ^ hash(seed)) & 0xffffffffL;
    }

    /** Jaro similarity; 0 when either string is empty (both included, as in DuckDB). */
    public static double jaro(String s, String t) {
        int n = s.length();
        int m = t.length();
        if (n == 0 || m == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(n, m) / 2 - 1);
        boolean[] sMatched = new boolean[n];
        boolean[] tMatched = new boolean[m];
        int matches = 0;
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(m - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && s.charAt(i) == t.charAt(j)) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (sMatched[i]) {
                while (!tMatched[k]) {
                    k++;
                }
                if (s.charAt(i) != t.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double c = matches;
        return (c / n + c / m + (c - transpositions / 2) / c) / 3.0;
    }

    /** Jaro-Winkler: a common prefix of up to 4 characters raises a Jaro similarity above 0.7, by 0.1 per character. */
    public static double jaroWinkler(String s, String t) {
        double sim = jaro(s, t);
        if (sim > 0.7) {
            int prefix = 0;
            int max = Math.min(4, Math.min(s.length(), t.length()));
            while (prefix < max && s.charAt(prefix) == t.charAt(prefix)) {
                prefix++;
            }
            sim += prefix * 0.1 * (1.0 - sim);
        }
        return sim;
    }

    /** Edits (insert, delete, substitute) from one string to the other. */
    public static int levenshtein(String s, String t) {
        int m = t.length();
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }

    /** Damerau-Levenshtein (unrestricted: transposed characters may be edited again), as DuckDB's. */
    public static int damerauLevenshtein(String s, String t) {
        int n = s.length();
        int m = t.length();
        int infinity = n + m;
        int[][] d = new int[n + 2][m + 2];
        d[0][0] = infinity;
        for (int i = 0; i <= n; i++) {
            d[i + 1][0] = infinity;
            d[i + 1][1] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j + 1] = infinity;
            d[1][j + 1] = j;
        }
        Map<Character, Integer> lastRow = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            int lastColumn = 0;
            for (int j = 1; j <= m; j++) {
                int k = lastRow.getOrDefault(t.charAt(j - 1), 0);
                int l = lastColumn;
                int cost = 1;
                if (s.charAt(i - 1) == t.charAt(j - 1)) {
                    cost = 0;
                    lastColumn = j;
                }
                d[i + 1][j + 1] = Math.min(
                        Math.min(d[i][j] + cost, d[i + 1][j] + 1),
                        Math.min(d[i][j + 1] + 1, d[k][l] + (i - k - 1) + 1 + (j - l - 1)));
            }
            lastRow.put(s.charAt(i - 1), i);
        }
        return d[n + 1][m + 1];
    }

    private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();

    /** DuckDB's {@code try_strptime(text, format)} as a date: NULL when the text does not match the format. */
    public static LocalDate tryStrptime(String text, String format) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, FORMATS.computeIfAbsent(format, DuckDbFunctions::formatter));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A strftime format (%Y %m %d %y %b %B %j and literals) as a strict Java formatter. */
    static DateTimeFormatter formatter(String strftime) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        for (int i = 0; i < strftime.length(); i++) {
            char c = strftime.charAt(i);
            if (c != '%' || i + 1 == strftime.length()) {
                b.appendLiteral(c);
                continue;
            }
            char spec = strftime.charAt(++i);
            switch (spec) {
                case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
                case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
                case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 1, 3, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'b' -> b.appendPattern("MMM");
                case 'B' -> b.appendPattern("MMMM");
                case '%' -> b.appendLiteral('%');
                default ->
                    throw new IllegalArgumentException("date format %" + spec + " is not supported on this engine");
            }
        }
        return b.toFormatter(java.util.Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    }
}
