package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.quality.Disclosure;

/**
 * One quality report for the whole pipeline run ({@code quality-report.json} in the output folder):
 * <ul>
 * <li>{@code provenance}: the stages with their input hashes, whether each ran or was skipped and its seconds,
 * and the models (which file, trained here on which datasets or given trained, used by which datasets);</li>
 * <li>{@code datasets}: per dataset, the module's quality report of its deduplication (per dataset × role,
 * cluster measures, model, and the evaluation of its person ids when a truth column was given);</li>
 * <li>{@code cross_justice}: the module's quality report of the cross-justice clustering over all records
 * (per dataset × role, cross-dataset link rates, cluster measures, evaluation);</li>
 * <li>{@code cross_dataset_link_matrix}: dataset × dataset, the records of the row's dataset whose
 * cross-justice person has a record in the column's dataset, as counts and rates.</li>
 * </ul>
 * Every embedded report is a module report, whose counts passed {@link org.datafirst.linkage.quality.ReportSums}
 * (secondary suppression by {@link Disclosure#secondary}) when it was built, and the matrix is read from the audited
 * figures, so each count is suppressed the same way wherever it appears.
 */
final class CombinedReport {

    static final String FORMAT = "datafirst-linkage-pipeline-report/1";

    private CombinedReport() {}

    static ObjectNode build(
            PipelineConfig config,
            Path out,
            Map<String, StageRunner.Outcome> stages,
            Instant started,
            Disclosure disclosure) {
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode p = root.putObject("provenance");
        p.put("software", "datafirst linkage-module");
        p.put("run_started", started.toString());
        ObjectNode st = p.putObject("stages");
        stages.forEach((name, o) -> {
            ObjectNode s = st.putObject(name);
            s.put("input_sha256", o.inputHash());
            s.put("skipped", o.skipped());
            s.put("seconds", Math.round(o.seconds() * 1000) / 1000.0);
        });
        ObjectNode models = p.putObject("models");
        for (PipelineConfig.Model m : config.models()) {
            ObjectNode n = models.putObject(m.name());
            n.put("trained_here", m.trainedHere());
            if (m.trainedHere()) {
                n.set(
                        "trained_on",
                        ModelJson.MAPPER.valueToTree(config.trainingSources(m).stream()
                                .map(PipelineConfig.Source::dataset)
                                .toList()));
            }
            n.set(
                    "deduplicates",
                    ModelJson.MAPPER.valueToTree(config.sources().stream()
                            .filter(s -> s.model().equals(m.name()))
                            .map(PipelineConfig.Source::dataset)
                            .toList()));
            n.put("links_across_datasets", m.name().equals(config.crossDataset().model()));
        }
        ObjectNode d = root.putObject("disclosure_control");
        d.put("minimum_count", disclosure.minimum());
        d.put(
                "rule",
                "counts from 1 to " + (disclosure.minimum() - 1)
                        + " are suppressed, with the rates resting on them; counts that"
                        + " any combination of sums and differences of published counts would give back (roles within a dataset, datasets within the whole,"
                        + " records minus linked or duplicated records, id changes against the ids of both runs) are suppressed too");

        ArrayNode datasets = root.putArray("datasets");
        for (PipelineConfig.Source s : config.sources()) {
            ObjectNode report = CrossJusticePipeline.readJson(
                    out.resolve("datasets").resolve(s.dataset()).resolve(CrossJusticePipeline.REPORT));
            ObjectNode n = datasets.addObject();
            n.put("source_dataset", s.dataset());
            n.put("person_id_column", s.personIdColumn());
            n.put("model", s.model());
            n.set("report", report);
        }
        ObjectNode cross = CrossJusticePipeline.readJson(out.resolve("cross").resolve(CrossJusticePipeline.REPORT));
        ObjectNode c = root.putObject("cross_justice");
        c.put("person_id_column", config.crossDataset().personIdColumn());
        c.put("model", config.crossDataset().model());
        c.set("report", cross);
        root.set("cross_dataset_link_matrix", matrix(config, cross));
        return root;
    }

    /** Rows and columns in the order of the pipeline file's sources; read from the report's "(all)" groups. */
    static ObjectNode matrix(PipelineConfig config, ObjectNode cross) {
        ObjectNode m = ModelJson.MAPPER.createObjectNode();
        m.put(
                "what",
                "for each row dataset, its records whose cross-justice person id also has a record in the column dataset"
                        + " (linked_records) and their share of the row dataset's records (link_rates); not symmetric");
        List<String> names =
                config.sources().stream().map(PipelineConfig.Source::dataset).toList();
        m.set("datasets", ModelJson.MAPPER.valueToTree(names));
        ArrayNode rows = m.putArray("rows");
        for (String sd : names) {
            JsonNode group = null;
            for (JsonNode g : cross.path("groups")) {
                if (g.path("source_dataset").asText().equals(sd)
                        && g.path("role").asText().equals("(all)")) {
                    group = g;
                }
            }
            ObjectNode row = rows.addObject();
            row.put("source_dataset", sd);
            if (group == null) {
                continue;
            }
            row.set("records", group.get("records").deepCopy());
            ObjectNode counts = row.putObject("linked_records");
            ObjectNode rates = row.putObject("link_rates");
            List<String> others = new ArrayList<>(names);
            others.remove(sd);
            for (String other : others) {
                for (JsonNode l : group.path("cross_dataset_link_rates")) {
                    if (l.path("other_dataset").asText().equals(other)) {
                        counts.set(other, l.get("linked_records").deepCopy());
                        rates.set(other, l.get("rate").deepCopy());
                    }
                }
            }
        }
        return m;
    }
}
