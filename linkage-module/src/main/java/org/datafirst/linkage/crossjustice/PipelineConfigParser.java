package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.settings.InvalidSettingsException;

/**
 * Reads a pipeline file (JSON, schema {@code linkage-pipeline.schema.json}) into {@link PipelineConfig}.
 * Every error names the JSON path ({@code $.sources[2].model: no model named 'probaton' (models: …)});
 * unknown properties are errors, so a typo never falls back to a default. Whether files exist and hold
 * the columns the models read is checked next, by {@link PipelineChecks}.
 */
public final class PipelineConfigParser {

    /** Dataset, model and column names: letters, digits and underscores (they become file and column names). */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private PipelineConfigParser() {}

    public static PipelineConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("$", file + ": pipeline file not found");
        }
        try {
            return parse(ModelJson.MAPPER.readTree(Files.readString(file)), file);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException(
                    "$",
                    file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidSettingsException("$", file + ": cannot be read: " + e.getMessage());
        }
    }

    /** {@code file} locates relative paths (its folder) and is not read. */
    public static PipelineConfig parse(JsonNode root, Path file) {
        Path base = file.toAbsolutePath().getParent();
        allow(root, "$", "description", "models", "sources", "cross_dataset");
        List<PipelineConfig.Model> models = new ArrayList<>();
        Map<String, String> modelPaths = new HashMap<>();
        JsonNode ms = array(root, "$", "models");
        for (int i = 0; i < ms.size(); i++) {
            String p = "$.models[" + i + "]";
            JsonNode m = ms.get(i);
            allow(m, p, "name", "settings", "model", "train_on", "description");
            String name = name(m, p, "name");
            if (modelPaths.putIfAbsent(name, p) != null) {
                throw new InvalidSettingsException(
                        p + ".name", "duplicate model name '" + name + "' (first at " + modelPaths.get(name) + ")");
            }
            boolean settings = m.has("settings");
            if (settings == m.has("model")) {
                throw new InvalidSettingsException(
                        p, "give either settings (trained here) or model (a trained model file), not both or neither");
            }
            Path path = base.resolve(text(m, p, settings ? "settings" : "model"));
            List<String> trainOn = new ArrayList<>();
            if (m.has("train_on")) {
                if (!settings) {
                    throw new InvalidSettingsException(
                            p + ".train_on", "only a model trained here (settings) has train_on");
                }
                JsonNode t = array(m, p, "train_on");
                for (int k = 0; k < t.size(); k++) {
                    if (!t.get(k).isTextual()) {
                        throw new InvalidSettingsException(p + ".train_on[" + k + "]", "must be a dataset name");
                    }
                    trainOn.add(t.get(k).asText());
                }
            }
            models.add(new PipelineConfig.Model(name, settings ? path : null, settings ? null : path, trainOn, p));
        }

        List<PipelineConfig.Source> sources = new ArrayList<>();
        Map<String, String> datasets = new HashMap<>();
        Map<String, String> idColumns = new HashMap<>();
        JsonNode ss = array(root, "$", "sources");
        for (int i = 0; i < ss.size(); i++) {
            String p = "$.sources[" + i + "]";
            JsonNode s = ss.get(i);
            allow(s, p, "dataset", "file", "role_column", "model", "person_id_column", "description");
            String dataset = name(s, p, "dataset");
            if (datasets.putIfAbsent(dataset, p) != null) {
                throw new InvalidSettingsException(
                        p + ".dataset",
                        "duplicate dataset name '" + dataset + "' (first at " + datasets.get(dataset) + ")");
            }
            String model = text(s, p, "model");
            requireModel(modelPaths, model, p + ".model");
            String idColumn =
                    s.has("person_id_column") ? name(s, p, "person_id_column") : "estimated_" + dataset + "_id";
            String role = s.has("role_column") ? text(s, p, "role_column") : null;
            idColumns.put(idColumn, p);
            sources.add(new PipelineConfig.Source(dataset, base.resolve(text(s, p, "file")), role, model, idColumn, p));
        }

        if (!root.has("cross_dataset")) {
            throw new InvalidSettingsException("$.cross_dataset", "is required");
        }
        JsonNode c = root.get("cross_dataset");
        allow(c, "$.cross_dataset", "model", "person_id_column", "description");
        String crossModel = text(c, "$.cross_dataset", "model");
        requireModel(modelPaths, crossModel, "$.cross_dataset.model");
        String xjs = c.has("person_id_column") ? name(c, "$.cross_dataset", "person_id_column") : "estimated_xjs_id";
        if (idColumns.containsKey(xjs)) {
            throw new InvalidSettingsException(
                    "$.cross_dataset.person_id_column",
                    "'" + xjs + "' is already the person id of " + idColumns.get(xjs));
        }

        for (PipelineConfig.Model m : models) {
            for (int k = 0; k < m.trainOn().size(); k++) {
                if (!datasets.containsKey(m.trainOn().get(k))) {
                    throw new InvalidSettingsException(
                            m.path() + ".train_on[" + k + "]",
                            "no source has dataset '" + m.trainOn().get(k) + "' (datasets: "
                                    + String.join(
                                            ", ",
                                            datasets.keySet().stream().sorted().toList()) + ")");
                }
            }
        }
        return new PipelineConfig(
                file, models, sources, new PipelineConfig.CrossDataset(crossModel, xjs, "$.cross_dataset"));
    }

    private static void requireModel(Map<String, String> models, String name, String path) {
        if (!models.containsKey(name)) {
            throw new InvalidSettingsException(
                    path,
                    "no model named '" + name + "' (models: "
                            + String.join(
                                    ", ", models.keySet().stream().sorted().toList()) + ")");
        }
    }

    private static void allow(JsonNode node, String path, String... keys) {
        if (node == null || !node.isObject()) {
            throw new InvalidSettingsException(path, "must be an object");
        }
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidSettingsException(
                        path + "." + k, "unknown property (allowed: " + String.join(", ", keys) + ")");
            }
        }
    }

    private static JsonNode array(JsonNode node, String path, String key) {
        JsonNode a = node.get(key);
        if (a == null) {
            throw new InvalidSettingsException(path + "." + key, "is required");
        }
        if (!a.isArray() || a.isEmpty()) {
            throw new InvalidSettingsException(path + "." + key, "must be a non-empty array");
        }
        return a;
    }

    private static String text(JsonNode node, String path, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new InvalidSettingsException(path + "." + key, "is required");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidSettingsException(path + "." + key, "must be a non-empty string");
        }
        return v.asText();
    }

    private static String name(JsonNode node, String path, String key) {
        String v = text(node, path, key);
        if (!NAME.matcher(v).matches()) {
            throw new InvalidSettingsException(
                    path + "." + key, "must start with a letter and hold only letters, digits and underscores");
        }
        return v;
    }
}
