package org.datafirst.catalogue.synthetic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a synthetic table's rows one at a time, in order: row {@code i} depends only on the
 * seed, the table and the rows before it, so the same seed gives the same rows. Keys are pure
 * functions of (seed, identifier, entity number), which is what makes them join across tables and
 * datasets.
 */
final class RowGenerator {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SyntheticTable table;
    private final long seed;
    private final int rows;
    private final SplittableRandom random;
    private final long[] periodEnds;
    private final long[] namespaces;
    private final long[] entities = new long[KeyLevel.values().length];
    private int next;

    RowGenerator(SyntheticTable table, long seed, int rows) {
        this.table = table;
        this.seed = seed;
        this.rows = rows;
        this.random = new SplittableRandom(mix(seed ^ hash(table.datasetId() + "/" + table.name())));
        List<SyntheticColumn> columns = table.columns();
        this.namespaces = new long[columns.size()];
        this.periodEnds = columns.stream()
                .filter(c -> c.values() instanceof SyntheticColumn.Dates)
                .findFirst()
                .map(c -> cumulativeDays(((SyntheticColumn.Dates) c.values()).periods()))
                .orElse(new long[0]);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).values() instanceof SyntheticColumn.Key key) {
                namespaces[i] = hash(key.namespace());
            }
        }
    }

    boolean hasNext() {
        return next < rows;
    }

    /** The next row's values: String, LocalDate, LocalDateTime, Long, Double, Boolean or null. */
    Object[] next() {
        int row = next++;
        List<SyntheticColumn> columns = table.columns();
        Object[] values = new Object[columns.size()];
        SyntheticTable.Target target = null;
        if (table.link().isPresent()) {
            SyntheticTable.Link link = table.link().get();
            SyntheticColumn.Codes codes =
                    (SyntheticColumn.Codes) columns.get(link.codeColumn()).values();
            String code = codes.codes().get(random.nextInt(codes.codes().size()));
            values[link.codeColumn()] = code;
            target = link.targets().get(code);
        }
        if (target != null) {
            entities(target.level(), false, row);
        } else if (table.grain().isPresent()) {
            entities(table.grain().get(), table.primary(), row);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (values[i] != null) {
                continue;
            }
            values[i] = value(columns.get(i), namespaces[i], target);
        }
        return values;
    }

    private Object value(SyntheticColumn column, long namespace, SyntheticTable.Target target) {
        SyntheticColumn.Values values = column.values();
        if (values instanceof SyntheticColumn.Codes c) {
            return c.codes().get(random.nextInt(c.codes().size()));
        } else if (values instanceof SyntheticColumn.Dates d) {
            return date(d, column.type());
        } else if (values instanceof SyntheticColumn.Integers n) {
            return n.min() + random.nextLong(n.max() - n.min() + 1);
        } else if (values instanceof SyntheticColumn.Decimals n) {
            return Math.round((n.min() + random.nextDouble() * (n.max() - n.min())) * 100) / 100.0;
        } else if (values instanceof SyntheticColumn.Booleans) {
            return random.nextBoolean();
        } else if (values instanceof SyntheticColumn.Tokens t) {
            return column.name() + "_" + (1 + random.nextInt(t.vocabulary()));
        } else if (values instanceof SyntheticColumn.Key k) {
            // A linking row's record keys are its target's row key; its person keys the target's person.
            return target == null || k.level() == KeyLevel.PERSON
                    ? key(namespace, entities[k.level().ordinal()])
                    : key(hash(target.namespace()), entities[target.level().ordinal()]);
        }
        return null; // SyntheticColumn.Nulls: the lookup has no codes
    }

    /**
     * Sets the entity of {@code grain} and of every coarser level for this row. In the primary
     * table of a grain each row is a new entity (people always repeat, so there the row is a record);
     * elsewhere a row picks one of the primary table's entities at random.
     */
    private void entities(KeyLevel grain, boolean primary, int row) {
        KeyLevel start = primary && grain == KeyLevel.PERSON ? KeyLevel.RECORD : grain;
        Arrays.fill(entities, -1);
        entities[start.ordinal()] = primary ? row : random.nextLong(start.size(rows));
        for (int level = start.ordinal() - 1; level >= 0; level--) {
            KeyLevel coarser = KeyLevel.values()[level];
            long parent = mix(seed ^ mix(level + 1L) ^ mix(entities[level + 1] + 0x9E3779B97F4A7C15L));
            entities[level] = Long.remainderUnsigned(parent, coarser.size(rows));
        }
    }

    private Object date(SyntheticColumn.Dates dates, ColumnType type) {
        long total = periodEnds[periodEnds.length - 1];
        long day = random.nextLong(total);
        int period = 0;
        while (day >= periodEnds[period]) {
            period++;
        }
        long before = period == 0 ? 0 : periodEnds[period - 1];
        LocalDate date = dates.periods().get(period).start().plusDays(day - before);
        return type == ColumnType.DATETIME ? date.atStartOfDay().plusSeconds(random.nextInt(86_400)) : date;
    }

    private static long[] cumulativeDays(List<SyntheticColumn.Period> periods) {
        long[] ends = new long[periods.size()];
        long sum = 0;
        for (int i = 0; i < ends.length; i++) {
            sum += periods.get(i).days();
            ends[i] = sum;
        }
        return ends;
    }

    /** A key as 16 hex digits: meaningless, and equal for the same identifier and entity. */
    private String key(long namespace, long entity) {
        long value = mix(seed ^ namespace ^ mix(entity));
        char[] text = new char[16];
        for (int i = 15; i >= 0; i--) {
            text[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(text);
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-8: the same on every JVM, so a seed gives the same keys everywhere. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
