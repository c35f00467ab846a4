package org.datafirst.catalogue.spreadsheet;

import static org.datafirst.catalogue.spreadsheet.Sheet.Column.narrow;
import static org.datafirst.catalogue.spreadsheet.Sheet.Column.of;
import static org.datafirst.catalogue.spreadsheet.Sheet.Column.wide;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.SourceReference;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.config.Json;

/**
 * Our dictionary layout: which sheets a workbook has, their columns, and the pure mapping of a
 * dataset document to sheet rows. {@link DictionaryLayoutReader} reads the same layout back.
 * Every field of the document has a cell, so export followed by import is lossless.
 */
public final class DictionarySheets {

    public static final String DATASET = "Dataset";
    public static final String COVERAGE = "Coverage";
    public static final String SOURCES = "Sources";
    public static final String TABLES = "Tables";
    public static final String VARIABLES = "Variables";
    public static final String LOOKUPS = "Lookups";
    public static final String LOOKUP_DETAILS = "Lookup details";

    /** Sheets in workbook order with their columns. */
    public static final Map<String, List<Sheet.Column>> LAYOUT = Map.of(
            DATASET, List.of(of("Field", 28), new Sheet.Column("Value", 100, true)),
            COVERAGE, List.of(narrow("Start"), narrow("End"), of("Basis", 36), narrow("Linkable until"), wide("Notes")),
            SOURCES,
                    List.of(
                            of("Id", 24),
                            wide("Title"),
                            of("URL", 50),
                            of("Repo", 36),
                            of("Path", 40),
                            of("Commit", 42),
                            of("Licence", 30)),
            TABLES, List.of(of("Table", 34), of("Grain", 40), wide("Description"), of("Source", 20)),
            VARIABLES,
                    List.of(
                            of("Table", 30),
                            of("Variable", 30),
                            of("Label", 30),
                            wide("Description"),
                            narrow("Type"),
                            narrow("Format"),
                            of("Lookup", 28),
                            wide("Quality notes"),
                            narrow("Sensitive"),
                            narrow("Identifier role"),
                            of("Source", 20),
                            narrow("Confidence"),
                            wide("Evidence")),
            LOOKUPS, List.of(of("Lookup", 30), of("Code", 16), of("Label", 40), wide("Description")),
            LOOKUP_DETAILS,
                    List.of(
                            of("Lookup", 30),
                            of("Title", 40),
                            wide("Description"),
                            narrow("Complete"),
                            of("Source title", 40),
                            of("Source URL", 40),
                            of("Source repo", 30),
                            of("Source path", 30),
                            of("Source commit", 42),
                            of("Source licence", 30),
                            wide("How observed")));

    public static final List<String> ORDER =
            List.of(DATASET, COVERAGE, SOURCES, TABLES, VARIABLES, LOOKUPS, LOOKUP_DETAILS);

    /** CSV names of the sheets in download URLs: dictionary/{name}.csv. */
    public static final Map<String, String> CSV_NAMES = ORDER.stream()
            .collect(Collectors.toUnmodifiableMap(s -> s.toLowerCase().replace(' ', '-'), s -> s));

    /** Fields of the Dataset sheet that hold lists: one row per item, the field name repeated. */
    static final Set<String> LIST_FIELDS = Arrays.stream(DatasetDocument.class.getRecordComponents())
            .filter(c -> c.getType() == List.class
                    && c.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] == String.class)
            .map(java.lang.reflect.RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Dataset-sheet fields, at any depth, that are whole numbers in the document (the cell text is
     * read back as a number; anything else stays text for the schema to report).
     */
    static final Set<String> WHOLE_NUMBER_FIELDS = Set.of("measuredValue");

    /** Parts of the document that have their own sheet rather than Dataset rows. */
    static final Set<String> OWN_SHEETS = Set.of("coverage", "sources", "tables", "lookups");

    private DictionarySheets() {}

    /** One dataset's dictionary. */
    public static List<Sheet> dataset(DatasetDocument doc) {
        return catalogue(List.of(doc), false);
    }

    /**
     * Several datasets' dictionaries in one workbook.
     *
     * @param withDatasetColumn lead every sheet with a Dataset id column (the whole-catalogue workbook)
     */
    public static List<Sheet> catalogue(List<DatasetDocument> docs, boolean withDatasetColumn) {
        List<Sheet> sheets = new ArrayList<>();
        for (String name : ORDER) {
            List<List<String>> rows = new ArrayList<>();
            for (DatasetDocument doc : docs) {
                for (List<String> row : rows(name, doc)) {
                    rows.add(withDatasetColumn ? prefixed(doc.id(), row) : row);
                }
            }
            List<Sheet.Column> columns = LAYOUT.get(name);
            sheets.add(new Sheet(name, withDatasetColumn ? withDatasetColumn(columns) : columns, rows));
        }
        return sheets;
    }

    /** The columns of a whole-catalogue sheet: a Dataset id column, then the sheet's own. */
    static List<Sheet.Column> withDatasetColumn(List<Sheet.Column> columns) {
        List<Sheet.Column> all = new ArrayList<>(columns.size() + 1);
        all.add(of("Dataset", 28));
        all.addAll(columns);
        return all;
    }

    /** A row of a whole-catalogue sheet: the dataset id, then the row. */
    static List<String> prefixed(String datasetId, List<String> row) {
        List<String> prefixed = new ArrayList<>(row.size() + 1);
        prefixed.add(datasetId);
        prefixed.addAll(row);
        return prefixed;
    }

    private static List<List<String>> rows(String sheet, DatasetDocument doc) {
        return switch (sheet) {
            case DATASET -> datasetRows(doc);
            case COVERAGE ->
                doc.coverage().stream().map(DictionarySheets::coverage).toList();
            case SOURCES -> doc.sources().stream().map(DictionarySheets::source).toList();
            case TABLES ->
                doc.tables().stream()
                        .map(t -> row(t.name(), t.grain(), t.description(), t.source()))
                        .toList();
            case VARIABLES ->
                doc.tables().stream()
                        .flatMap(t -> t.variables().stream().map(v -> variable(t, v)))
                        .toList();
            case LOOKUPS ->
                doc.lookups().stream()
                        .flatMap(l -> l.codes().stream().map(c -> row(l.id(), c.code(), c.label(), c.description())))
                        .toList();
            case LOOKUP_DETAILS ->
                doc.lookups().stream().map(DictionarySheets::lookupDetails).toList();
            default -> throw new IllegalArgumentException(sheet);
        };
    }

    /**
     * Dataset fields as (field, value) rows: lists repeat the field per item, objects use dotted
     * names (publisher.name), lists of objects number their items (catalogueEntries.1.url).
     */
    static List<List<String>> datasetRows(DatasetDocument doc) {
        JsonNode tree = Json.EVERY_FIELD.valueToTree(doc);
        List<List<String>> rows = new ArrayList<>();
        tree.properties().forEach(field -> {
            if (!OWN_SHEETS.contains(field.getKey())) {
                flatten(field.getKey(), field.getValue(), rows);
            }
        });
        return rows;
    }

    private static void flatten(String name, JsonNode value, List<List<String>> rows) {
        if (value.isObject()) {
            value.properties().forEach(p -> flatten(name + "." + p.getKey(), p.getValue(), rows));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                flatten(item.isObject() ? name + "." + (i + 1) : name, item, rows);
            }
        } else if (!value.isNull()) {
            rows.add(row(name, value.asText()));
        }
    }

    private static List<String> coverage(CoverageDocument c) {
        return row(text(c.start()), text(c.end()), c.basis(), text(c.linkableUntil()), c.notes());
    }

    private static List<String> source(SourceReference s) {
        return row(s.id(), s.title(), s.url(), s.repo(), s.path(), s.commit(), s.licence());
    }

    private static List<String> variable(TableDocument t, VariableDocument v) {
        return row(
                t.name(),
                v.name(),
                v.label(),
                v.description(),
                v.type(),
                v.format(),
                v.lookup(),
                v.qualityNotes(),
                yesNo(v.sensitive()),
                v.identifierRole(),
                v.source(),
                v.confidence(),
                v.evidence());
    }

    private static List<String> lookupDetails(LookupDocument l) {
        LookupDocument.LookupSource s = l.source();
        return s == null
                ? row(l.id(), l.title(), l.description(), yesNo(l.complete()))
                : row(
                        l.id(),
                        l.title(),
                        l.description(),
                        yesNo(l.complete()),
                        s.title(),
                        s.url(),
                        s.repo(),
                        s.path(),
                        s.commit(),
                        s.licence(),
                        s.howObserved());
    }

    static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "yes" : "no";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }
}
