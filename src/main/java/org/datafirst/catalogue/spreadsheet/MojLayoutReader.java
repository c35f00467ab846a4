package org.datafirst.catalogue.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument.CodeDocument;
import org.datafirst.catalogue.catalogue.document.SourceReference;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Reads the layout MoJ publishes its Data First catalogues in: a {@code data_dictionary} sheet with
 * Table Name | Variable Name | Variable Description | Values (optional), one row per variable, plus
 * lookup sheets such as {@code drug_lookup}. Values written like {@code NO = No; M = Missing} or
 * {@code 0 = Never / 1 = Previously} become lookup codes; {@code YYYY-MM-DD} a date format; {@code
 * 0 - 8} a range. The workbook replaces the tables, variables and lookups of the dataset's current
 * release; everything else (and what the sheet does not say about a known variable) is kept.
 */
final class MojLayoutReader {

    static final String SHEET = "data_dictionary";
    static final String UPLOAD_SOURCE = "uploaded-catalogue";
    static final String NEW_TABLE_GRAIN = "Not stated in the uploaded catalogue";
    private static final Pattern CODE_LABEL = Pattern.compile("^(.+?)\\s*=\\s*(.+)$");
    private static final Pattern DATE_FORMAT = Pattern.compile("^(?=.*Y)[YMDhms/:.\\- T]+$");
    private static final Pattern SPACES = Pattern.compile("[\\s&&[^\\n]]+");
    private static final Pattern RANGE = Pattern.compile("^-?\\d+(\\.\\d+)?\\s*(-|to)\\s*-?\\d+(\\.\\d+)?$");

    private MojLayoutReader() {}

    static boolean recognises(SheetContent.Workbook workbook) {
        return workbook.sheet(SHEET).isPresent();
    }

    static DictionaryLayoutReader.Result read(SheetContent.Workbook workbook, DatasetDocument base, String file) {
        SheetLocations locations = new SheetLocations(file);
        List<ProblemError> errors = new ArrayList<>();
        SheetContent sheet = workbook.sheet(SHEET).orElseThrow();
        Optional<Headers.Found> found = Headers.find(
                sheet,
                List.of(
                        List.of("Table Name", "Table"),
                        List.of("Variable Name", "Variable"),
                        List.of("Variable Description", "Description"),
                        List.of("Values (optional)", "Values")),
                2);
        if (found.isEmpty()) {
            errors.add(
                    ProblemError.at(
                            SheetContent.sheetRef(sheet.name()) + "1",
                            "no header row with the columns "
                                    + "Table Name, Variable Name (and optionally Variable Description, Values) in the first 10 rows"));
            return new DictionaryLayoutReader.Result(SheetDocuments.tree(base), locations, errors);
        }
        Headers.Found header = found.get();
        int tableColumn = header.columns().get(0);
        int variableColumn = header.columns().get(1);
        int descriptionColumn = header.columns().get(2);
        int valuesColumn = header.columns().get(3);

        Map<String, LookupDocument> lookups = new LinkedHashMap<>();
        Map<String, String> lookupSheets = new HashMap<>();
        for (SheetContent other : workbook.sheets()) {
            // The Linkage quality sheet of our downloads is output only: copied into a MoJ workbook it is no lookup.
            if (other != sheet
                    && !other.rows().isEmpty()
                    && !Headers.normalise(other.name()).equals(Headers.normalise(LinkageQualitySheet.NAME))) {
                LookupDocument lookup = lookupSheet(other, file);
                lookups.put(lookup.id(), lookup);
                lookupSheets.put(Headers.normalise(other.name()), lookup.id());
            }
        }
        Map<List<CodeDocument>, String> byCodes = new HashMap<>();
        base.lookups().forEach(l -> byCodes.putIfAbsent(l.codes(), l.id()));
        Map<String, LookupDocument> baseLookups = new HashMap<>();
        base.lookups().forEach(l -> baseLookups.put(l.id(), l));
        Map<String, TableDocument> baseTables = new HashMap<>();
        base.tables().forEach(t -> baseTables.put(t.name(), t));

        Map<String, List<VariableDocument>> tables = new LinkedHashMap<>();
        Map<String, List<SheetLocations.Cell[]>> cells = new HashMap<>();
        Map<String, SheetLocations.Cell> lookupCells = new HashMap<>();
        boolean usesUpload = false;
        String table = null;
        for (SheetContent.Row row : sheet.rows()) {
            if (row.index() <= header.headerRow() || row.isEmpty()) {
                continue;
            }
            // An empty Table Name continues the table above (how merged or blank-below cells read).
            table = row.cell(tableColumn) != null ? row.cell(tableColumn) : table;
            String name = row.cell(variableColumn);
            SheetLocations.Cell tableCell = cell(sheet, row, tableColumn, "Table Name");
            SheetLocations.Cell nameCell = cell(sheet, row, variableColumn, "Variable Name");
            if (table == null) {
                errors.add(ProblemError.at(tableCell.ref(), "Table Name is required"));
                continue;
            }
            if (name == null) {
                errors.add(ProblemError.at(nameCell.ref(), "Variable Name is required"));
                continue;
            }
            String description = descriptionColumn < 0 ? null : row.cell(descriptionColumn);
            String values = valuesColumn < 0 ? null : row.cell(valuesColumn);
            SheetLocations.Cell valuesCell = valuesColumn < 0 ? nameCell : cell(sheet, row, valuesColumn, "Values");
            VariableDocument known = baseTables.containsKey(table)
                    ? baseTables.get(table).variables().stream()
                            .filter(v -> v.name().equals(name))
                            .findFirst()
                            .orElse(null)
                    : null;
            Values parsed = parse(values, lookupSheets);
            String lookup = known == null ? null : known.lookup();
            if (parsed.codes() != null) {
                lookup = byCodes.get(parsed.codes());
                if (lookup == null) {
                    lookup = newLookupId(parsed.codes(), lookups, baseLookups);
                    lookups.put(
                            lookup,
                            new LookupDocument(
                                    lookup,
                                    title(parsed.codes()),
                                    "Codes from the Values column of the uploaded catalogue " + file
                                            + " (first used by " + table + "." + name + ").",
                                    false,
                                    new LookupDocument.LookupSource(
                                            file,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            "Values column of the data_dictionary sheet"),
                                    parsed.codes()));
                    byCodes.put(parsed.codes(), lookup);
                    lookupCells.put(lookup, valuesCell);
                }
            } else if (parsed.lookup() != null) {
                lookup = parsed.lookup();
            }
            String type = known == null || "unknown".equals(known.type()) && parsed.type() != null
                    ? (parsed.type() == null ? "unknown" : parsed.type())
                    : known.type();
            String format = parsed.format() != null ? parsed.format() : known == null ? null : known.format();
            VariableDocument variable = known == null
                    ? new VariableDocument(
                            name,
                            null,
                            description,
                            type,
                            format,
                            null,
                            false,
                            null,
                            lookup,
                            UPLOAD_SOURCE,
                            "confirmed",
                            "Read from the uploaded catalogue " + file + ", "
                                    + SheetContent.rowRef(sheet.name(), row.index()) + ".")
                    : new VariableDocument(
                            name,
                            known.label(),
                            description != null ? description : known.description(),
                            type,
                            format,
                            known.qualityNotes(),
                            known.sensitive(),
                            known.identifierRole(),
                            lookup,
                            known.source(),
                            known.confidence(),
                            known.evidence());
            usesUpload |= known == null;
            tables.computeIfAbsent(table, t -> new ArrayList<>()).add(variable);
            cells.computeIfAbsent(table, t -> new ArrayList<>()).add(new SheetLocations.Cell[] {
                tableCell,
                nameCell,
                descriptionColumn < 0 ? nameCell : cell(sheet, row, descriptionColumn, "Variable Description"),
                valuesCell
            });
        }

        List<TableDocument> tableDocuments = new ArrayList<>();
        int t = 0;
        for (Map.Entry<String, List<VariableDocument>> entry : tables.entrySet()) {
            TableDocument known = baseTables.get(entry.getKey());
            usesUpload |= known == null;
            tableDocuments.add(
                    known == null
                            ? new TableDocument(entry.getKey(), NEW_TABLE_GRAIN, null, UPLOAD_SOURCE, entry.getValue())
                            : new TableDocument(
                                    known.name(),
                                    known.grain(),
                                    known.description(),
                                    known.source(),
                                    entry.getValue()));
            List<SheetLocations.Cell[]> rowCells = cells.get(entry.getKey());
            locations.put("/tables/" + t, rowCells.get(0)[0]);
            locations.put("/tables/" + t + "/name", rowCells.get(0)[0]);
            for (int v = 0; v < rowCells.size(); v++) {
                String pointer = "/tables/" + t + "/variables/" + v;
                SheetLocations.Cell[] c = rowCells.get(v);
                locations.put(pointer, c[1]);
                locations.put(pointer + "/name", c[1]);
                locations.put(pointer + "/description", c[2]);
                for (String field : List.of("lookup", "format", "type")) {
                    locations.put(pointer + "/" + field, c[3]);
                }
            }
            t++;
        }
        // Keep the base lookups still in use, then the new ones.
        Map<String, LookupDocument> used = new LinkedHashMap<>();
        for (TableDocument table1 : tableDocuments) {
            for (VariableDocument v : table1.variables()) {
                if (v.lookup() != null) {
                    LookupDocument l =
                            lookups.containsKey(v.lookup()) ? lookups.get(v.lookup()) : baseLookups.get(v.lookup());
                    if (l != null) {
                        used.putIfAbsent(l.id(), l);
                    }
                }
            }
        }
        List<LookupDocument> lookupDocuments = new ArrayList<>(used.values());
        for (int l = 0; l < lookupDocuments.size(); l++) {
            SheetLocations.Cell cell = lookupCells.get(lookupDocuments.get(l).id());
            if (cell != null) {
                locations.put("/lookups/" + l, cell);
            }
        }
        List<SourceReference> sources = new ArrayList<>(base.sources().stream()
                .filter(s -> !s.id().equals(UPLOAD_SOURCE))
                .toList());
        if (usesUpload || base.sources().stream().anyMatch(s -> s.id().equals(UPLOAD_SOURCE))) {
            sources.add(new SourceReference(
                    UPLOAD_SOURCE, "Uploaded data catalogue " + file, null, null, null, null, null));
        }
        DatasetDocument document = base.withDictionary(sources, tableDocuments, lookupDocuments);
        return new DictionaryLayoutReader.Result(SheetDocuments.tree(document), locations, errors);
    }

    private static SheetLocations.Cell cell(SheetContent sheet, SheetContent.Row row, int column, String header) {
        return new SheetLocations.Cell(SheetContent.ref(sheet.name(), row.index(), column), header, row.cell(column));
    }

    /** What a Values cell says: codes, a reference to a lookup sheet, or a format with the type it implies. */
    record Values(List<CodeDocument> codes, String lookup, String type, String format) {}

    static Values parse(String text, Map<String, String> lookupSheets) {
        if (text == null) {
            return new Values(null, null, null, null);
        }
        String normalised = Headers.normalise(text);
        for (Map.Entry<String, String> sheet : lookupSheets.entrySet()) {
            if (!sheet.getKey().isEmpty() && normalised.contains(sheet.getKey())) {
                return new Values(null, sheet.getValue(), null, null);
            }
        }
        List<String> pieces = new ArrayList<>();
        // Runs of spaces become one first: the patterns below would take time quadratic in a long run.
        for (String part : SPACES.matcher(text).replaceAll(" ").split("[;\\n]")) {
            if (part.indexOf('=') != part.lastIndexOf('=')) {
                // Several pairs in one part: 0 = Never / 1 = Previously, or NO = No, YES = Yes.
                for (String piece : part.split("\\s+/\\s+|,\\s*(?=[^,=]+=)")) {
                    pieces.add(piece.strip());
                }
            } else {
                pieces.add(part.strip());
            }
        }
        pieces.removeIf(String::isEmpty);
        if (pieces.stream().anyMatch(p -> p.contains("="))) {
            List<CodeDocument> codes = new ArrayList<>();
            for (String piece : pieces) {
                var m = CODE_LABEL.matcher(piece);
                codes.add(
                        m.matches()
                                ? new CodeDocument(
                                        m.group(1).strip(), m.group(2).strip(), null)
                                : new CodeDocument(piece, piece, null));
            }
            return new Values(codes, null, null, null);
        }
        String value = text.strip();
        if (DATE_FORMAT.matcher(value).matches()) {
            return new Values(null, null, value.contains("h") || value.contains("T") ? "datetime" : "date", value);
        }
        if (RANGE.matcher(value).matches()) {
            return new Values(null, null, value.contains(".") ? "decimal" : "integer", value);
        }
        return new Values(null, null, null, value.length() <= 300 ? value : value.substring(0, 300));
    }

    private static LookupDocument lookupSheet(SheetContent sheet, String file) {
        Optional<Headers.Found> found = Headers.find(
                sheet,
                List.of(
                        List.of("Code", "Value", "Id", "Drug Code"),
                        List.of("Label", "Name", "Description", "Drug Name", "Drug", "Meaning")),
                2);
        int codeColumn = found.map(f -> f.columns().get(0)).orElse(0);
        int labelColumn = found.map(f -> f.columns().get(1)).orElse(1);
        int headerRow = found.map(Headers.Found::headerRow).orElse(-1);
        List<CodeDocument> codes = new ArrayList<>();
        for (SheetContent.Row row : sheet.rows()) {
            String code = row.cell(codeColumn);
            if (row.index() > headerRow && code != null) {
                String label = row.cell(labelColumn);
                codes.add(new CodeDocument(code, label == null ? code : label, null));
            }
        }
        return new LookupDocument(
                slug(sheet.name(), 80),
                sheet.name(),
                "Codes from the " + sheet.name() + " sheet of the uploaded catalogue " + file + ".",
                false,
                new LookupDocument.LookupSource(file, null, null, null, null, null, sheet.name() + " sheet"),
                codes);
    }

    private static String newLookupId(
            List<CodeDocument> codes, Map<String, LookupDocument> taken, Map<String, LookupDocument> base) {
        String stem = slug(
                "values "
                        + String.join(
                                " ", codes.stream().map(CodeDocument::code).toList()),
                70);
        String id = stem;
        for (int n = 2; taken.containsKey(id) || base.containsKey(id); n++) {
            id = stem + "-" + n;
        }
        return id;
    }

    private static String title(List<CodeDocument> codes) {
        String title = "Values "
                + String.join(
                        ", ",
                        codes.stream().map(c -> c.code() + " = " + c.label()).toList());
        return title.length() <= 300 ? title : title.substring(0, 297) + "…";
    }

    static String slug(String text, int max) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "lookup" : slug;
    }
}
