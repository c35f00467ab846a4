package org.datafirst.catalogue.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;

/**
 * Synthetic data generation over every dataset of catalogue-sources: a zip of every table at 25,000
 * rows per dataset, the widest table as CSV at 25,000 rows warm, and the widest table at growing
 * row counts up to 1M with the peak heap of each (streamed: it must not grow with rows). Run by
 * bench/synthetic.sh.
 */
public final class SyntheticBench {

    private static final LocalDate ISSUED = LocalDate.of(2025, 6, 1);

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : SyntheticData.DEFAULT_ROWS;
        int bigRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path out = Path.of(args.length > 2 ? args[2] : "target/bench/synthetic");
        Files.createDirectories(out);

        List<DatasetDocument> datasets = new ArrayList<>();
        try (var files = Files.list(Path.of("catalogue-sources/datasets"))) {
            for (Path file : files.sorted().toList()) {
                String id = file.getFileName().toString().replace(".yaml", "");
                datasets.add(SyntheticDataTest.dataset(id));
            }
        }
        Map<String, DatasetDocument> linked = Map.of(
                "mags_hocas", find(datasets, "magistrates-courts-defendant"),
                "probation_delius", find(datasets, "probation"));

        System.out.printf("== every table of every dataset, %,d rows each: zip of CSV + Parquet + README%n", rows);
        long totalBytes = 0;
        long totalStart = System.nanoTime();
        SyntheticTable widest = null;
        for (DatasetDocument dataset : datasets) {
            List<SyntheticTable> tables = DictionaryPlan.tables(dataset, ISSUED, linked);
            for (SyntheticTable t : tables) {
                if (widest == null || t.columns().size() > widest.columns().size()) {
                    widest = t;
                }
            }
            long start = System.nanoTime();
            Path zip = out.resolve(dataset.id() + ".zip");
            try (OutputStream file = Files.newOutputStream(zip)) {
                SyntheticFiles.zip(tables, DictionaryPlan.tablesWithoutVariables(dataset), origin(dataset, rows), file);
            }
            long bytes = Files.size(zip);
            totalBytes += bytes;
            System.out.printf(
                    "%-32s %2d tables %12s bytes %7.2f s%n",
                    dataset.id(), tables.size(), String.format("%,d", bytes), seconds(start));
        }
        System.out.printf(
                "%-32s %12s bytes %7.2f s%n", "all datasets", String.format("%,d", totalBytes), seconds(totalStart));

        SyntheticTable table = widest;
        DatasetDocument owner = find(datasets, table.datasetId());
        System.out.printf(
                "%n== widest table: %s.%s, %d columns%n",
                table.datasetId(), table.name(), table.columns().size());
        for (int i = 0; i < 5; i++) {
            write(table, owner, rows, "csv"); // warm-up
        }
        double[] csvTimes = new double[7];
        long csvBytes = 0;
        for (int i = 0; i < csvTimes.length; i++) {
            long start = System.nanoTime();
            csvBytes = write(table, owner, rows, "csv");
            csvTimes[i] = seconds(start);
        }
        Arrays.sort(csvTimes);
        System.out.printf(
                "CSV %,d rows warm: median %.3f s (best %.3f s), %,d bytes%n",
                rows, csvTimes[csvTimes.length / 2], csvTimes[0], csvBytes);

        System.out.println("\n== streaming: time, bytes and peak heap by rows (written to a counting stream)");
        for (int n : new int[] {rows, bigRows / 10, bigRows}) {
            for (String format : List.of("csv", "parquet")) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                long bytes = write(table, owner, n, format);
                System.out.printf(
                        "%-8s %,10d rows %7.2f s %,14d bytes  peak heap %,5d MB%n",
                        format, n, seconds(start), bytes, peakHeapBytes() >> 20);
            }
        }
    }

    private static long write(SyntheticTable table, DatasetDocument owner, int rows, String format) throws IOException {
        Counting counter = new Counting();
        if (format.equals("csv")) {
            SyntheticFiles.csv(table, origin(owner, rows), counter);
        } else {
            SyntheticFiles.parquet(table, origin(owner, rows), counter);
        }
        return counter.bytes;
    }

    private static SyntheticFiles.Origin origin(DatasetDocument dataset, int rows) {
        return new SyntheticFiles.Origin(dataset.id(), dataset.title(), 1, ISSUED, SyntheticData.DEFAULT_SEED, rows);
    }

    private static DatasetDocument find(List<DatasetDocument> datasets, String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    /** Discards what it is given and counts it. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
