package org.datafirst.linkage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.InvalidSettingsException;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;

/**
 * The trained model as JSON: the settings as given, λ, and per comparison level its gamma, label,
 * m, u and log2 Bayes factor. {@code predict} reads it back without retraining.
 */
public final class ModelJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {}

    public static ObjectNode toJson(LinkageModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "datafirst-linkage-model/1");
        root.put("probability_two_random_records_match", model.lambda());
        ArrayNode comps = root.putArray("comparisons");
        List<Comparison> cs = model.settings().comparisons();
        for (int k = 0; k < cs.size(); k++) {
            ObjectNode c = comps.addObject();
            c.put("output_column_name", cs.get(k).name());
            ArrayNode levels = c.putArray("levels");
            for (int g = cs.get(k).levelCount() - 1; g >= 0; g--) {
                ObjectNode l = levels.addObject();
                l.put("gamma", g);
                l.put("label", cs.get(k).levelForGamma(g).label());
                l.put("m_probability", model.m()[k][g]);
                l.put("u_probability", model.u()[k][g]);
                l.put("log2_bayes_factor", model.log2BayesFactor(k, g));
            }
        }
        ArrayNode sessions = root.putArray("training_sessions");
        for (LinkageModel.TrainingSession s : model.training()) {
            sessions.add(MAPPER.valueToTree(s));
        }
        root.set("settings", model.settingsJson());
        return root;
    }

    public static void write(LinkageModel model, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(model));
    }

    public static LinkageModel read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(Files.readString(file));
        if (!root.path("format").asText().startsWith("datafirst-linkage-model/")) {
            throw new InvalidSettingsException(
                    "$.format", "not a linkage model file (expected datafirst-linkage-model/1)");
        }
        JsonNode settingsJson = root.get("settings");
        LinkageSettings settings;
        try {
            settings = SettingsParser.parse(settingsJson);
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException("$.settings" + e.path().substring(1), e.reason());
        }
        List<Comparison> cs = settings.comparisons();
        double[][] m = new double[cs.size()][];
        double[][] u = new double[cs.size()][];
        for (int k = 0; k < cs.size(); k++) {
            JsonNode levels = root.path("comparisons").path(k).path("levels");
            m[k] = new double[cs.get(k).levelCount()];
            u[k] = new double[cs.get(k).levelCount()];
            if (levels.size() != m[k].length) {
                throw new InvalidSettingsException(
                        "$.comparisons[" + k + "].levels", "expected " + m[k].length + " levels");
            }
            for (JsonNode l : levels) {
                int g = l.get("gamma").asInt();
                m[k][g] = l.get("m_probability").asDouble();
                u[k][g] = l.get("u_probability").asDouble();
            }
        }
        List<LinkageModel.TrainingSession> sessions = new ArrayList<>();
        for (JsonNode s : root.path("training_sessions")) {
            sessions.add(MAPPER.treeToValue(s, LinkageModel.TrainingSession.class));
        }
        return new LinkageModel(
                settings,
                settingsJson,
                root.get("probability_two_random_records_match").asDouble(),
                m,
                u,
                sessions);
    }
}
