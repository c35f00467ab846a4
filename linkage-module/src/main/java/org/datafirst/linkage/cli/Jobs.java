package org.datafirst.linkage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.quality.ClusterEvaluation;
import org.datafirst.linkage.quality.Evaluation;
import org.datafirst.linkage.quality.Metrics;
import org.datafirst.linkage.settings.InvalidSettingsException;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;

/** Helpers shared by the commands. */
final class Jobs {

    private Jobs() {}

    record Settings(LinkageSettings settings, JsonNode json) {}

    static Settings readSettings(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("$", file + ": settings file not found");
        }
        try {
            JsonNode json = ModelJson.MAPPER.readTree(Files.readString(file));
            return new Settings(SettingsParser.parse(json), json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSettingsException(
                    "$",
                    file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses, before any work, an output directory that cannot be created or written (a path under
     * a regular file, a file where the directory should be, no permission); creates it otherwise.
     */
    static void requireWritableDirectory(Path dir, String option) {
        String problem = unwritable(dir);
        if (problem != null) {
            throw new IllegalArgumentException(option + " " + dir + ": " + problem);
        }
    }

    /** As {@link #requireWritableDirectory} for the folder of an output file; the file itself must not be a directory. */
    static void requireWritableFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory, not a file");
        }
        Path folder = file.toAbsolutePath().getParent();
        String problem = unwritable(folder);
        if (problem != null) {
            throw new IllegalArgumentException(option + " " + file + ": folder " + folder + ": " + problem);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": exists and cannot be overwritten");
        }
    }

    /** Why files cannot be written into {@code dir} (created if missing), or null if they can. */
    private static String unwritable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "is a file, not a directory";
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".linkage-write-check", ""));
            return null;
        } catch (IOException | SecurityException e) {
            return "cannot write here (" + describe(dir, e) + ")";
        }
    }

    private static String describe(Path dir, Exception e) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return "a part of the path is a file: " + p;
            }
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static LinkageModel readModel(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("$", file + ": model file not found");
        }
        try {
            return ModelJson.read(file);
        } catch (IOException e) {
            throw new InvalidSettingsException("$", file + ": " + e.getMessage());
        }
    }

    static void printClustering(PrintWriter out, Clusterer.Result r) {
        out.printf(
                Locale.ROOT,
                "clustering %s: %d clusters, largest %d records; %d candidate groups, %d accepted pairs cut by the group"
                        + " size limit, %d pairs re-scored; %d suspicious clusters (3+ records with density < 0.5 or a bridge)%n",
                r.method().jsonName(),
                r.clusters(),
                r.largest(),
                r.candidateGroups(),
                r.cutPairs(),
                r.rescoredPairs(),
                r.suspicious());
    }

    /** The id changes for the operator (raw counts; the report's section is disclosure-controlled). */
    static void printIdChanges(PrintWriter out, org.datafirst.linkage.ids.StableIds.Counts c) {
        out.printf(
                Locale.ROOT,
                "person ids: %d previous, %d now: kept %d, kept after merge or split %d, new %d, retired %d; merged clusters %d,"
                        + " split ids %d; records: kept id %d, changed id %d, new %d, gone %d%n",
                c.previousIds(),
                c.ids(),
                c.kept(),
                c.keptAfterMergeOrSplit(),
                c.minted(),
                c.retired(),
                c.merged(),
                c.split(),
                c.recordsKeptId(),
                c.recordsChangedId(),
                c.recordsNew(),
                c.recordsGone());
    }

    /** {@code load 0.42, train 3.10, …}: step seconds for people and log parsers alike. */
    static String seconds(java.util.Map<String, Double> steps) {
        StringBuilder sb = new StringBuilder();
        steps.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.2f", v)));
        return sb.toString();
    }

    /** The report's input problems, e.g. {@code input: values that are not dates (counted as missing): dob 1234}. */
    static void printInputQuality(PrintWriter out, JsonNode report) {
        JsonNode dates = report.path("input_quality").path("unparsed_dates");
        if (dates.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        dates.fields()
                .forEachRemaining(e -> sb.append(sb.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(
                                e.getValue().path("suppressed").asBoolean()
                                        ? "suppressed"
                                        : e.getValue().asText()));
        out.println("  input: values that are not dates in the date_format (counted as missing): " + sb);
    }

    static void printEvaluation(PrintWriter out, Evaluation.Result r) {
        out.println("evaluation against " + r.method() + " (" + r.truePairs() + " true pairs)");
        out.println("accepted pairs (scored pairs at or above a threshold; true pairs never blocked count as missed):");
        print(out, "at threshold", r.atThreshold());
        print(out, "best F1    ", r.best());
    }

    static void printClusterEvaluation(PrintWriter out, ClusterEvaluation e) {
        out.println("person ids (clusters) against " + e.method() + ": all pairs of records sharing a person id");
        print(out, "clusters   ", e.pairwise());
        if (e.bcubed() != null) {
            out.println(String.format(
                    Locale.ROOT,
                    "  B-cubed precision %.4f  recall %.4f  F1 %.4f",
                    e.bcubed().precision(),
                    e.bcubed().recall(),
                    e.bcubed().f1()));
        }
        if (e.bestComponents() != null) {
            print(out, "baseline: connected components at their best single threshold,", e.bestComponents());
        }
        if (e.purity() != null) {
            ClusterEvaluation.Purity p = e.purity();
            out.println(String.format(
                    Locale.ROOT,
                    "  clusters of 2+ records %d, mixing people %d (%.2f%%, holding %d records);"
                            + " people with 2+ records %d, split over clusters %d (%.2f%%)",
                    p.clusters(),
                    p.mixedClusters(),
                    percent(p.mixedClusters(), p.clusters()),
                    p.recordsInMixedClusters(),
                    p.people(),
                    p.splitPeople(),
                    percent(p.splitPeople(), p.people())));
            StringBuilder sb = new StringBuilder("  largest clusters (records/true people):");
            p.largest()
                    .forEach(c -> sb.append(' ').append(c.records()).append('/').append(c.people()));
            sb.append("; largest true person ").append(p.largestTruePerson()).append(" records");
            out.println(sb);
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static void print(PrintWriter out, String what, Metrics m) {
        out.println(String.format(
                Locale.ROOT,
                "  %s p>=%.4f: TP %d FP %d FN %d  precision %.4f [%.4f, %.4f]  recall %.4f [%.4f, %.4f]  F1 %.4f [%.4f, %.4f]",
                what,
                m.threshold(),
                m.tp(),
                m.fp(),
                m.fn(),
                m.precision(),
                m.precisionCi()[0],
                m.precisionCi()[1],
                m.recall(),
                m.recallCi()[0],
                m.recallCi()[1],
                m.f1(),
                m.f1Ci()[0],
                m.f1Ci()[1]));
    }
}
