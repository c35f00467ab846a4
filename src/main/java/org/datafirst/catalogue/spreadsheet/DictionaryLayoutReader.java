package org.datafirst.catalogue.spreadsheet;

import static org.datafirst.catalogue.spreadsheet.DictionarySheets.COVERAGE;
import static org.datafirst.catalogue.spreadsheet.DictionarySheets.DATASET;
import static org.datafirst.catalogue.spreadsheet.DictionarySheets.LOOKUPS;
import static org.datafirst.catalogue.spreadsheet.DictionarySheets.LOOKUP_DETAILS;
import static org.datafirst.catalogue.spreadsheet.DictionarySheets.SOURCES;
import static org.datafirst.catalogue.spreadsheet.DictionarySheets.TABLES;
import static org.datafirst.catalogue.spreadsheet.DictionarySheets.VARIABLES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Reads a workbook in our own layout ({@link DictionarySheets}) back into the JSON tree of a
 * dataset document, remembering the cell of every value. The tree then goes through the same
 * JSON Schema and rules as a source file ({@link SheetDocuments}).
 */
final class DictionaryLayoutReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Document field names per sheet column, in {@link DictionarySheets#LAYOUT} order. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            DATASET, List.of("field", "value"),
            COVERAGE, List.of("start", "end", "basis", "linkableUntil", "notes"),
            SOURCES, List.of("id", "title", "url", "repo", "path", "commit", "licence"),
            TABLES, List.of("name", "grain", "description", "source"),
            VARIABLES,
                    List.of(
                            "table",
                            "name",
                            "label",
                            "description",
                            "type",
                            "format",
                            "lookup",
                            "qualityNotes",
                            "sensitive",
                            "identifierRole",
                            "source",
                            "confidence",
                            "evidence"),
            LOOKUPS, List.of("lookup", "code", "label", "description"),
            LOOKUP_DETAILS,
                    List.of(
                            "id",
                            "title",
                            "description",
                            "complete",
                            "source.title",
                            "source.url",
                            "source.repo",
                            "source.path",
                            "source.commit",
                            "source.licence",
                            "source.howObserved"));

    /** How many leading columns of each sheet must be present to recognise its header row. */
    private static final Map<String, Integer> REQUIRED_COLUMNS =
            Map.of(DATASET, 2, COVERAGE, 1, SOURCES, 1, TABLES, 1, VARIABLES, 2, LOOKUPS, 2, LOOKUP_DETAILS, 1);

    private static final Set<String> REQUIRED_SHEETS = Set.of(DATASET, TABLES, VARIABLES);
    private static final Map<String, String> TOP_LEVEL_FIELDS = Arrays.stream(
                    DatasetDocument.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> !DictionarySheets.OWN_SHEETS.contains(name))
            .collect(Collectors.toMap(Headers::normalise, name -> name));

    private final String file;
    private final SheetLocations locations;
    private final List<ProblemError> errors = new ArrayList<>();
    private final ObjectNode tree = NODES.objectNode();

    private DictionaryLayoutReader(String file) {
        this.file = file;
        this.locations = new SheetLocations(file);
    }

    record Result(JsonNode tree, SheetLocations locations, List<ProblemError> errors) {}

    static boolean recognises(SheetContent.Workbook workbook) {
        return workbook.sheet(VARIABLES).isPresent() || workbook.sheet(DATASET).isPresent();
    }

    static Result read(SheetContent.Workbook workbook, String file) {
        DictionaryLayoutReader reader = new DictionaryLayoutReader(file);
        reader.readAll(workbook);
        return new Result(reader.tree, reader.locations, reader.errors);
    }

    private void readAll(SheetContent.Workbook workbook) {
        Map<String, List<Map<String, SheetLocations.Cell>>> sheets = new HashMap<>();
        for (String name : DictionarySheets.ORDER) {
            Optional<SheetContent> sheet = workbook.sheet(name);
            if (sheet.isEmpty()) {
                if (REQUIRED_SHEETS.contains(name)) {
                    errors.add(ProblemError.at(file, "the workbook has no sheet named '" + name + "'"));
                }
                sheets.put(name, List.of());
            } else {
                sheets.put(name, rows(sheet.get(), name));
            }
        }
        datasetFields(sheets.get(DATASET));
        // An empty list has no rows; the document has it empty.
        DictionarySheets.LIST_FIELDS.stream().sorted().forEach(name -> {
            if (!tree.has(name)) {
                tree.putArray(name);
            }
        });
        ArrayNode coverage = tree.putArray("coverage");
        objects(sheets.get(COVERAGE), "/coverage", coverage);
        ArrayNode sources = tree.putArray("sources");
        objects(sheets.get(SOURCES), "/sources", sources);
        ArrayNode tables = tree.putArray("tables");
        objects(sheets.get(TABLES), "/tables", tables);
        variables(sheets.get(VARIABLES), tables);
        ArrayNode lookups = tree.putArray("lookups");
        objects(sheets.get(LOOKUP_DETAILS), "/lookups", lookups);
        codes(sheets.get(LOOKUPS), lookups);
    }

    /** The data rows of a sheet, each as field → cell (absent columns have no entry, empty cells a null value). */
    private List<Map<String, SheetLocations.Cell>> rows(SheetContent sheet, String name) {
        List<Sheet.Column> columns = DictionarySheets.LAYOUT.get(name);
        List<String> fields = FIELDS.get(name);
        List<List<String>> wanted = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            wanted.add(List.of(columns.get(i).header(), columns.get(i).header() + " name", fields.get(i)));
        }
        Optional<Headers.Found> found = Headers.find(sheet, wanted, REQUIRED_COLUMNS.get(name));
        if (found.isEmpty()) {
            errors.add(ProblemError.at(
                    SheetContent.sheetRef(sheet.name()) + "1",
                    "no header row with the columns "
                            + columns.subList(0, REQUIRED_COLUMNS.get(name)).stream()
                                    .map(Sheet.Column::header)
                                    .collect(Collectors.joining(", "))
                            + " in the first 10 rows; expected columns: "
                            + columns.stream().map(Sheet.Column::header).collect(Collectors.joining(", "))));
            return List.of();
        }
        Headers.Found header = found.get();
        SheetContent.Row headerRow = sheet.rows().stream()
                .filter(r -> r.index() == header.headerRow())
                .findFirst()
                .orElseThrow();
        for (int c = 0; c < headerRow.cells().size(); c++) {
            if (headerRow.cell(c) != null && !header.columns().contains(c)) {
                errors.add(ProblemError.at(
                        SheetContent.ref(sheet.name(), header.headerRow(), c),
                        "unknown column '"
                                + headerRow.cell(c) + "'; expected columns: "
                                + columns.stream().map(Sheet.Column::header).collect(Collectors.joining(", "))));
            }
        }
        List<Map<String, SheetLocations.Cell>> rows = new ArrayList<>();
        String prefix = SheetContent.sheetRef(sheet.name());
        List<String> letters = header.columns().stream()
                .map(c -> c < 0 ? null : prefix + OdsWriter.column(c))
                .toList();
        for (SheetContent.Row row : sheet.rows()) {
            if (row.index() <= header.headerRow() || row.isEmpty()) {
                continue;
            }
            Map<String, SheetLocations.Cell> cells = new java.util.LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                int c = header.columns().get(i);
                if (c >= 0) {
                    cells.put(
                            fields.get(i),
                            new SheetLocations.Cell(
                                    letters.get(i) + (row.index() + 1),
                                    columns.get(i).header(),
                                    row.cell(c)));
                }
            }
            for (int c = 0; c < row.cells().size(); c++) {
                // Values under an unknown header were reported with the header; here only those with none.
                if (row.cell(c) != null && !header.columns().contains(c) && headerRow.cell(c) == null) {
                    errors.add(ProblemError.at(
                            SheetContent.ref(sheet.name(), row.index(), c),
                            "a value in a column without a known header"));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Dataset sheet: Field | Value rows; lists repeat the field, objects use dotted names. */
    private void datasetFields(List<Map<String, SheetLocations.Cell>> rows) {
        Map<String, String> seen = new HashMap<>();
        for (Map<String, SheetLocations.Cell> row : rows) {
            SheetLocations.Cell field = row.get("field");
            SheetLocations.Cell value = row.get("value");
            if (field == null || field.value() == null) {
                errors.add(ProblemError.at(field == null ? value.ref() : field.ref(), "a value without a field name"));
                continue;
            }
            if (value == null || value.value() == null) {
                continue;
            }
            String[] path = field.value().split("\\.");
            String name = TOP_LEVEL_FIELDS.get(Headers.normalise(path[0]));
            if (name == null) {
                errors.add(ProblemError.at(field.ref(), "unknown field '" + field.value() + "'"));
                continue;
            }
            SheetLocations.Cell cell = new SheetLocations.Cell(value.ref(), field.value(), value.value());
            if (DictionarySheets.LIST_FIELDS.contains(name) && path.length == 1) {
                ArrayNode list = tree.has(name) ? (ArrayNode) tree.get(name) : tree.putArray(name);
                locations.put("/" + name + "/" + list.size(), cell);
                list.add(value.value());
                continue;
            }
            String key =
                    name + (path.length > 1 ? "." + String.join(".", Arrays.copyOfRange(path, 1, path.length)) : "");
            if (seen.putIfAbsent(key, value.ref()) != null) {
                errors.add(ProblemError.at(
                        field.ref(), "field '" + field.value() + "' appears twice (also at " + seen.get(key) + ")"));
                continue;
            }
            set(tree, "", name, Arrays.copyOfRange(path, 1, path.length), value.value(), cell);
        }
    }

    /** Sets a dotted path such as publisher.name or catalogueEntries.1.url (1-based item numbers). */
    private void set(
            ObjectNode parent, String pointer, String name, String[] rest, String value, SheetLocations.Cell cell) {
        String here = pointer + "/" + name;
        if (rest.length == 0) {
            if (DictionarySheets.WHOLE_NUMBER_FIELDS.contains(name) && value.matches("[0-9]{1,18}")) {
                parent.put(name, Long.parseLong(value));
            } else {
                parent.put(name, value);
            }
            locations.put(here, cell);
            return;
        }
        if (rest[0].matches("[0-9]+") && rest.length > 1) {
            ArrayNode list = parent.has(name) && parent.get(name).isArray()
                    ? (ArrayNode) parent.get(name)
                    : parent.putArray(name);
            int index = Integer.parseInt(rest[0]) - 1;
            if (index < 0 || index > 1000) {
                errors.add(ProblemError.at(cell.ref(), "item number " + rest[0] + " is out of range"));
                return;
            }
            while (list.size() <= index) {
                list.addObject();
            }
            locations.put(here + "/" + index, cell);
            set(
                    (ObjectNode) list.get(index),
                    here + "/" + index,
                    rest[1],
                    Arrays.copyOfRange(rest, 2, rest.length),
                    value,
                    cell);
            return;
        }
        ObjectNode child = parent.has(name) && parent.get(name).isObject()
                ? (ObjectNode) parent.get(name)
                : parent.putObject(name);
        locations.put(here, cell);
        set(child, here, rest[0], Arrays.copyOfRange(rest, 1, rest.length), value, cell);
    }

    /** One object per row; dotted fields (source.title) make nested objects. */
    private void objects(List<Map<String, SheetLocations.Cell>> rows, String pointer, ArrayNode into) {
        for (Map<String, SheetLocations.Cell> row : rows) {
            String at = pointer + "/" + into.size();
            into.add(object(row, at, Set.of()));
        }
    }

    private ObjectNode object(Map<String, SheetLocations.Cell> row, String pointer, Set<String> skip) {
        ObjectNode object = NODES.objectNode();
        locations.put(pointer, row.values().iterator().next());
        row.forEach((field, cell) -> {
            if (skip.contains(field)) {
                return;
            }
            String[] path = field.split("\\.");
            locations.put(pointer + "/" + field.replace('.', '/'), cell);
            if (cell.value() == null) {
                return;
            }
            ObjectNode target = object;
            for (int i = 0; i < path.length - 1; i++) {
                target = target.has(path[i]) ? (ObjectNode) target.get(path[i]) : target.putObject(path[i]);
            }
            String leaf = path[path.length - 1];
            if (leaf.equals("sensitive") || leaf.equals("complete")) {
                Boolean flag = flag(cell.value());
                if (flag == null) {
                    target.put(leaf, cell.value()); // the schema reports it at this cell
                } else {
                    target.put(leaf, flag);
                }
            } else {
                target.put(leaf, cell.value());
            }
        });
        return object;
    }

    private void variables(List<Map<String, SheetLocations.Cell>> rows, ArrayNode tables) {
        Map<String, Integer> byName = new HashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            byName.putIfAbsent(tables.get(t).path("name").asText(), t);
            ((ObjectNode) tables.get(t)).putArray("variables");
        }
        for (Map<String, SheetLocations.Cell> row : rows) {
            SheetLocations.Cell table = row.get("table");
            Integer t = table.value() == null ? null : byName.get(table.value());
            if (t == null) {
                errors.add(ProblemError.at(
                        table.ref(),
                        table.value() == null
                                ? "Table is required"
                                : "table '" + table.value() + "' is not listed on the Tables sheet"));
                continue;
            }
            ArrayNode variables = (ArrayNode) tables.get(t).get("variables");
            variables.add(object(row, "/tables/" + t + "/variables/" + variables.size(), Set.of("table")));
        }
    }

    private void codes(List<Map<String, SheetLocations.Cell>> rows, ArrayNode lookups) {
        Map<String, Integer> byId = new HashMap<>();
        for (int l = 0; l < lookups.size(); l++) {
            byId.putIfAbsent(lookups.get(l).path("id").asText(), l);
            ((ObjectNode) lookups.get(l)).putArray("codes");
        }
        for (Map<String, SheetLocations.Cell> row : rows) {
            SheetLocations.Cell lookup = row.get("lookup");
            if (lookup.value() == null) {
                errors.add(ProblemError.at(lookup.ref(), "Lookup is required"));
                continue;
            }
            Integer l = byId.get(lookup.value());
            if (l == null) {
                // A lookup with codes but no details row: its title is then missing, reported at this row.
                ObjectNode created = lookups.addObject();
                created.put("id", lookup.value());
                created.putArray("codes");
                l = lookups.size() - 1;
                byId.put(lookup.value(), l);
                locations.put("/lookups/" + l, lookup);
                locations.put(
                        "/lookups/" + l + "/title",
                        new SheetLocations.Cell(
                                lookup.ref(),
                                "Lookup '" + lookup.value() + "' has no row on the '" + LOOKUP_DETAILS
                                        + "' sheet; its Title",
                                null));
            }
            ArrayNode codes = (ArrayNode) lookups.get(l).get("codes");
            codes.add(object(row, "/lookups/" + l + "/codes/" + codes.size(), Set.of("lookup")));
        }
    }

    static Boolean flag(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
