package org.datafirst.catalogue.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;

/**
 * Turns a release's dictionary into tables ready for generation: each variable becomes a column
 * drawn from what the dictionary says about it (lookup codes, coverage dates, stated formats and
 * ranges, identifier roles) and nothing else. Pure.
 */
final class DictionaryPlan {

    static final int TOKEN_VOCABULARY = 100;
    private static final Pattern RANGE =
            Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:-|–|\\.\\.|to)\\s*(-?\\d+(?:\\.\\d+)?)\\s*$");

    private DictionaryPlan() {}

    /**
     * The tables of a release that have variables, in order. {@code issued} ends an open coverage
     * period; {@code linked} maps a lookup code to the dictionary of the dataset it names, for
     * linking tables.
     */
    static List<SyntheticTable> tables(
            DatasetDocument dictionary, LocalDate issued, Map<String, DatasetDocument> linked) {
        Map<String, LookupDocument> lookups = new HashMap<>();
        dictionary.lookups().forEach(l -> lookups.put(l.id(), l));
        List<SyntheticColumn.Period> periods = periods(dictionary.coverage(), issued);
        Map<String, SyntheticTable.Target> targets = new LinkedHashMap<>();
        linked.forEach((code, other) -> target(other).ifPresent(t -> targets.put(code, t)));
        Set<KeyLevel> grainsSeen = EnumSet.noneOf(KeyLevel.class);
        List<SyntheticTable> tables = new ArrayList<>();
        for (TableDocument table : dictionary.tables()) {
            if (table.variables().isEmpty()) {
                continue;
            }
            List<SyntheticColumn> columns = table.variables().stream()
                    .map(v -> column(dictionary.id(), v, lookups, periods))
                    .toList();
            Optional<KeyLevel> grain = grain(columns);
            boolean primary = grain.isPresent() && grainsSeen.add(grain.get());
            tables.add(
                    new SyntheticTable(dictionary.id(), table.name(), columns, grain, primary, link(columns, targets)));
        }
        return tables;
    }

    /** The tables a dictionary without linked datasets gives. */
    static List<SyntheticTable> tables(DatasetDocument dictionary, LocalDate issued) {
        return tables(dictionary, issued, Map.of());
    }

    /** Names of the tables that have no published variables, so nothing can be generated for them. */
    static List<String> tablesWithoutVariables(DatasetDocument dictionary) {
        return dictionary.tables().stream()
                .filter(t -> t.variables().isEmpty())
                .map(TableDocument::name)
                .toList();
    }

    /** A dataset's row key as another dataset links to it: the finest key of its first keyed table. */
    static Optional<SyntheticTable.Target> target(DatasetDocument dictionary) {
        for (SyntheticTable table : tables(dictionary, LocalDate.EPOCH)) {
            if (table.grain().isPresent()) {
                KeyLevel level = table.grain().get();
                SyntheticColumn key = table.columns().stream()
                        .filter(c -> c.values() instanceof SyntheticColumn.Key k && k.level() == level)
                        .findFirst()
                        .orElseThrow();
                return Optional.of(new SyntheticTable.Target(
                        dictionary.id(),
                        table.name(),
                        key.name(),
                        ((SyntheticColumn.Key) key.values()).namespace(),
                        level));
            }
        }
        return Optional.empty();
    }

    private static Optional<SyntheticTable.Link> link(
            List<SyntheticColumn> columns, Map<String, SyntheticTable.Target> targets) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).values() instanceof SyntheticColumn.Codes codes
                    && codes.codes().stream().anyMatch(targets::containsKey)) {
                Map<String, SyntheticTable.Target> mine = new LinkedHashMap<>();
                codes.codes().stream().filter(targets::containsKey).forEach(c -> mine.put(c, targets.get(c)));
                return Optional.of(new SyntheticTable.Link(i, mine));
            }
        }
        return Optional.empty();
    }

    private static Optional<KeyLevel> grain(List<SyntheticColumn> columns) {
        return columns.stream()
                .map(SyntheticColumn::values)
                .filter(SyntheticColumn.Key.class::isInstance)
                .map(v -> ((SyntheticColumn.Key) v).level())
                .max(Enum::compareTo);
    }

    private static SyntheticColumn column(
            String datasetId,
            VariableDocument variable,
            Map<String, LookupDocument> lookups,
            List<SyntheticColumn.Period> periods) {
        boolean unknown = "unknown".equals(variable.type());
        String typeNote = unknown ? "The dictionary gives no type: generated as text. " : "";
        Optional<KeyLevel> role = Optional.ofNullable(variable.identifierRole()).flatMap(KeyLevel::ofRole);
        if (role.isPresent()) {
            return new SyntheticColumn(
                    variable.name(),
                    ColumnType.TEXT,
                    new SyntheticColumn.Key(role.get(), datasetId + "/" + variable.name()),
                    null,
                    unknown,
                    typeNote + "Meaningless " + role.get().role() + " that joins across tables.");
        }
        if (variable.lookup() != null) {
            LookupDocument lookup = lookups.get(variable.lookup());
            List<String> codes = lookup == null
                    ? List.of()
                    : lookup.codes().stream()
                            .map(LookupDocument.CodeDocument::code)
                            .toList();
            if (codes.isEmpty()) {
                return new SyntheticColumn(
                        variable.name(),
                        ColumnType.TEXT,
                        new SyntheticColumn.Nulls(variable.lookup()),
                        null,
                        unknown,
                        typeNote + "Lookup " + variable.lookup()
                                + " has no codes in the dictionary: every value is null.");
            }
            return new SyntheticColumn(
                    variable.name(),
                    ColumnType.TEXT,
                    new SyntheticColumn.Codes(variable.lookup(), codes),
                    null,
                    unknown,
                    typeNote + "Codes of lookup " + variable.lookup()
                            + ", drawn uniformly (no frequencies are published).");
        }
        return switch (variable.type()) {
            case "date", "datetime" -> dates(variable, periods);
            case "integer" -> {
                long[] range = range(variable.format())
                        .map(r -> new long[] {(long) r[0], (long) r[1]})
                        .orElse(new long[] {0, 100});
                yield new SyntheticColumn(
                        variable.name(),
                        ColumnType.INTEGER,
                        new SyntheticColumn.Integers(range[0], range[1]),
                        null,
                        false,
                        "Whole numbers from " + range[0] + " to " + range[1] + ", uniformly.");
            }
            case "decimal" -> {
                double[] range = range(variable.format()).orElse(new double[] {0, 100});
                yield new SyntheticColumn(
                        variable.name(),
                        ColumnType.DECIMAL,
                        new SyntheticColumn.Decimals(range[0], range[1]),
                        null,
                        false,
                        "Numbers from " + range[0] + " to " + range[1] + ", uniformly.");
            }
            case "boolean" ->
                new SyntheticColumn(
                        variable.name(),
                        ColumnType.BOOLEAN,
                        new SyntheticColumn.Booleans(),
                        null,
                        false,
                        "true or false.");
            default ->
                new SyntheticColumn(
                        variable.name(),
                        ColumnType.TEXT,
                        new SyntheticColumn.Tokens(TOKEN_VOCABULARY),
                        null,
                        unknown,
                        typeNote + "Placeholder tokens " + variable.name() + "_1 to " + variable.name() + "_"
                                + TOKEN_VOCABULARY + ".");
        };
    }

    private static SyntheticColumn dates(VariableDocument variable, List<SyntheticColumn.Period> periods) {
        boolean dateTime = "datetime".equals(variable.type());
        DateTimeFormatter iso = dateTime ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : DateTimeFormatter.ISO_LOCAL_DATE;
        DateTimeFormatter format = iso;
        String note = "Dates inside the dataset's coverage (" + periods.get(0).start() + " to "
                + periods.get(periods.size() - 1).end() + "), uniformly";
        if (variable.format() != null) {
            Optional<DateTimeFormatter> stated = formatter(variable.format());
            format = stated.orElse(iso);
            note += stated.isPresent()
                    ? ", written as " + variable.format() + "."
                    : "; the stated format " + variable.format() + " is not understood, so written as ISO 8601.";
        } else {
            note += ", written as ISO 8601 (no format is stated).";
        }
        return new SyntheticColumn(
                variable.name(),
                dateTime ? ColumnType.DATETIME : ColumnType.DATE,
                new SyntheticColumn.Dates(periods),
                format,
                false,
                note);
    }

    /** A dictionary format such as YYYY-MM-DD or DD/MM/YYYY hh:mm:ss as a formatter. */
    static Optional<DateTimeFormatter> formatter(String format) {
        String pattern = format.replace("YYYY", "uuuu")
                .replace("YY", "uu")
                .replace("DD", "dd")
                .replace("hh", "HH")
                .replace("SS", "ss");
        if (!pattern.matches("[uMdHms/\\-:. T]+")) {
            return Optional.empty();
        }
        try {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern.replace("T", "'T'"));
            formatter.format(java.time.LocalDateTime.of(2000, 1, 2, 3, 4, 5));
            return Optional.of(formatter);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<double[]> range(String format) {
        if (format == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(format);
        if (!m.matches()) {
            return Optional.empty();
        }
        double low = Double.parseDouble(m.group(1));
        double high = Double.parseDouble(m.group(2));
        return low <= high ? Optional.of(new double[] {low, high}) : Optional.empty();
    }

    private static List<SyntheticColumn.Period> periods(List<CoverageDocument> coverage, LocalDate issued) {
        List<SyntheticColumn.Period> periods = new ArrayList<>();
        for (CoverageDocument c : coverage) {
            if (c.start() == null) {
                continue;
            }
            LocalDate end = c.end() != null ? c.end() : issued.isAfter(c.start()) ? issued : c.start();
            if (!end.isBefore(c.start())) {
                periods.add(new SyntheticColumn.Period(c.start(), end));
            }
        }
        if (periods.isEmpty()) {
            periods.add(new SyntheticColumn.Period(issued.withDayOfYear(1), issued));
        }
        return List.copyOf(periods);
    }
}
