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

    private Jobs() {
    }

    record Settings(LinkageSettings settings, JsonNode json) {
    }

    static Settings readSettings(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("$", file + ": settings file not found");
        }
        try {
            JsonNode json = ModelJson.MAPPER.readTree(Files.readString(file));
            return new Settings(SettingsParser.parse(json), json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSettingsException("$", file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        out.printf(Locale.ROOT, "clustering %s: %d clusters, largest %d records; %d candidate groups, %d accepted pairs cut by the group"
                + " size limit, %d pairs re-scored; %d suspicious clusters (3+ records with density < 0.5 or a bridge)%n",
                r.method().jsonName(), r.clusters(), r.largest(), r.candidateGroups(), r.cutPairs(), r.rescoredPairs(), r.suspicious());
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
            out.println(String.format(Locale.ROOT, "  B-cubed precision %.4f  recall %.4f  F1 %.4f", e.bcubed().precision(),
                    e.bcubed().recall(), e.bcubed().f1()));
        }
        if (e.bestComponents() != null) {
            print(out, "baseline: connected components at their best single threshold,", e.bestComponents());
        }
        if (e.purity() != null) {
            ClusterEvaluation.Purity p = e.purity();
            out.println(String.format(Locale.ROOT, "  clusters of 2+ records %d, mixing people %d (%.2f%%, holding %d records);"
                    + " people with 2+ records %d, split over clusters %d (%.2f%%)", p.clusters(), p.mixedClusters(),
                    percent(p.mixedClusters(), p.clusters()), p.recordsInMixedClusters(), p.people(), p.splitPeople(),
                    percent(p.splitPeople(), p.people())));
            StringBuilder sb = new StringBuilder("  largest clusters (records/true people):");
            p.largest().forEach(c -> sb.append(' ').append(c.records()).append('/').append(c.people()));
            sb.append("; largest true person ").append(p.largestTruePerson()).append(" records");
            out.println(sb);
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static void print(PrintWriter out, String what, Metrics m) {
        out.println(String.format(Locale.ROOT,
                "  %s p>=%.4f: TP %d FP %d FN %d  precision %.4f [%.4f, %.4f]  recall %.4f [%.4f, %.4f]  F1 %.4f [%.4f, %.4f]",
                what, m.threshold(), m.tp(), m.fp(), m.fn(), m.precision(), m.precisionCi()[0], m.precisionCi()[1],
                m.recall(), m.recallCi()[0], m.recallCi()[1], m.f1(), m.f1Ci()[0], m.f1Ci()[1]));
    }
}
