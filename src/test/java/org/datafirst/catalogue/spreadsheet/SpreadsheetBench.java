package org.datafirst.catalogue.spreadsheet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.SourceReference;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.sources.DocumentParser;

/**
 * Export and import times of a generated 10,000-variable dataset in XLSX and ODS, and the peak heap.
 * Run by bench/spreadsheets.sh. Import = read the workbook + JSON Schema + rules (everything before
 * the single database transaction that writes a release). Also writes a real dataset's workbooks
 * (probation) for the LibreOffice check.
 */
public final class SpreadsheetBench {

    public static void main(String[] args) throws Exception {
        int variables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path out = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(out);
        DatasetDocument document = generated(variables);
        List<Sheet> sheets = DictionarySheets.dataset(document);
        Sheet.Title title = new Sheet.Title("Generated dataset", "release 1", LocalDate.of(2025, 1, 1));
        UploadGuard.Limits limits = new UploadGuard.Limits(
                50_000_000, 500_000_000, 100, 100_000, 10_000_000, 32_767, java.time.Duration.ofMinutes(5));

        System.out.printf(
                "generated dataset: %d tables, %d variables, %d lookups%n",
                document.tables().size(), variables, document.lookups().size());
        for (DownloadFormat format : List.of(DownloadFormat.XLSX, DownloadFormat.ODS)) {
            Supplier<byte[]> export = () -> DictionaryExporter.write(DictionarySheets.dataset(document), title, format);
            byte[] file = export.get();
            Runnable importIt = () -> {
                SheetContent.Workbook workbook =
                        WorkbookReader.read(file, "bench." + format.extension(), limits, () -> false);
                DictionaryLayoutReader.Result read = DictionaryLayoutReader.read(workbook, "bench");
                DatasetDocument back = SheetDocuments.check(read.tree(), read.locations(), read.errors(), "bench");
                if (!back.equals(document)) {
                    throw new IllegalStateException("round trip differs");
                }
            };
            double exportMs = median(() -> export.get(), 5);
            double importMs = median(
                    () -> {
                        importIt.run();
                        return null;
                    },
                    5);
            double readMs = median(() -> WorkbookReader.read(file, "bench", limits, () -> false), 3);
            SheetContent.Workbook workbook = WorkbookReader.read(file, "bench", limits, () -> false);
            double layoutMs = median(() -> DictionaryLayoutReader.read(workbook, "bench"), 3);
            DictionaryLayoutReader.Result read = DictionaryLayoutReader.read(workbook, "bench");
            double checkMs =
                    median(() -> SheetDocuments.check(read.tree(), read.locations(), read.errors(), "bench"), 3);
            Files.write(out.resolve("generated-" + variables + "." + format.extension()), file);
            System.out.printf(
                    "%-4s export %7.0f ms   import %7.0f ms (read cells %.0f, to document %.0f, "
                            + "schema + rules %.0f)   file %6.2f MB%n",
                    format.extension(), exportMs, importMs, readMs, layoutMs, checkMs, file.length / 1e6);
        }
        System.out.printf(
                "(sheets built once: %d rows on Variables)%n",
                sheets.get(4).rows().size());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "ran within a heap limit of %d MB (sum of the heap pools' peaks: %.0f MB)%n",
                Runtime.getRuntime().maxMemory() / (1 << 20), peak / 1e6);

        DatasetDocument probation = real("probation");
        Sheet.Title realTitle =
                new Sheet.Title(probation.title(), "data dictionary, release 1", LocalDate.of(2025, 1, 1));
        Files.write(out.resolve("probation.xlsx"), XlsxWriter.write(DictionarySheets.dataset(probation), realTitle));
        Files.write(out.resolve("probation.ods"), OdsWriter.write(DictionarySheets.dataset(probation), realTitle));
    }

    /** Median wall time in ms of {@code runs} runs after two warm-up runs. */
    static double median(Supplier<?> task, int runs) {
        task.get();
        task.get();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    static DatasetDocument generated(int variables) {
        int perTable = 500;
        List<LookupDocument> lookups = new ArrayList<>();
        for (int l = 0; l < 50; l++) {
            List<LookupDocument.CodeDocument> codes = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                codes.add(new LookupDocument.CodeDocument("C" + c, "Label " + c + " of list " + l, null));
            }
            lookups.add(
                    new LookupDocument("list-" + l, "Code list " + l, "A generated code list.", false, null, codes));
        }
        List<TableDocument> tables = new ArrayList<>();
        for (int t = 0; t * perTable < variables; t++) {
            List<VariableDocument> vars = new ArrayList<>();
            for (int v = t * perTable; v < Math.min(variables, (t + 1) * perTable); v++) {
                vars.add(new VariableDocument(
                        "variable_" + v,
                        "Variable " + v,
                        "Generated description of variable " + v + ": what it records, when it is filled in and how.",
                        v % 3 == 0 ? "date" : "string",
                        v % 3 == 0 ? "YYYY-MM-DD" : null,
                        v % 7 == 0 ? "Missing for about 5% of rows before 2015." : null,
                        v % 11 == 0,
                        null,
                        v % 4 == 0 ? "list-" + v % 50 : null,
                        "generator",
                        "high",
                        null));
            }
            tables.add(new TableDocument(
                    "table_" + t, "one row per generated thing", "Generated table " + t + ".", "generator", vars));
        }
        return new DatasetDocument(
                "generated",
                "Generated dataset",
                null,
                null,
                "A generated dataset for benchmarks.",
                new DatasetDocument.Publisher("Ministry of Justice", null),
                new DatasetDocument.Contact("Data First", "datafirst@justice.gov.uk"),
                "Generator",
                List.of("Libra"),
                "England and Wales",
                List.of(new CoverageDocument(
                        LocalDate.of(2011, 1, 1), LocalDate.of(2023, 3, 31), "generated records", null, null)),
                null,
                null,
                List.of("DAP"),
                null,
                List.of("ONS SRS"),
                null,
                null,
                null,
                null,
                null,
                "Generated.",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new SourceReference("generator", "The benchmark generator", null, null, null, null, null)),
                tables,
                lookups,
                null,
                null,
                null);
    }

    /** A dataset from catalogue-sources with the shared lookups it uses. */
    static DatasetDocument real(String id) throws Exception {
        DatasetDocument doc =
                DocumentParser.dataset(Files.readAllBytes(Path.of("catalogue-sources/datasets/" + id + ".yaml")), id);
        Map<String, LookupDocument> lookups = new LinkedHashMap<>();
        try (var files = Files.list(Path.of("catalogue-sources/lookups"))) {
            for (Path file : files.toList()) {
                LookupDocument lookup = DocumentParser.lookup(Files.readAllBytes(file), file.toString());
                lookups.put(lookup.id(), lookup);
            }
        }
        doc.lookups().forEach(l -> lookups.put(l.id(), l));
        List<LookupDocument> used = doc.tables().stream()
                .flatMap(t -> t.variables().stream())
                .map(VariableDocument::lookup)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .map(lookups::get)
                .toList();
        return doc.withLookups(used);
    }
}
