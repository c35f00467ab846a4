package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.settings.ColumnReferences;
import org.datafirst.linkage.settings.InvalidSettingsException;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;

/**
 * Everything about a pipeline that can be wrong before any work starts, each refused with the place:
 * a settings or model file missing or invalid ({@code $.models[1].settings}), a source file missing
 * ({@code $.sources[2].file}, exit 3), a role column the file lacks, a model whose comparisons, blocking
 * or training rules name columns a source lacks (the model's JSON path inside its settings too), a
 * deduplicating model that only links, a cross-dataset model that does not only link. Reads headers only.
 */
public final class PipelineChecks {

    private PipelineChecks() {}

    /** A model's settings, and the trained model when it was given already trained. */
    public record LoadedModel(
            PipelineConfig.Model spec, LinkageSettings settings, JsonNode settingsJson, LinkageModel trained) {}

    /** Checks the whole pipeline; returns its models by name. */
    public static Map<String, LoadedModel> check(PipelineConfig config, Engine db) {
        Map<String, LoadedModel> models = new LinkedHashMap<>();
        for (PipelineConfig.Model m : config.models()) {
            models.put(m.name(), load(m));
        }
        LoadedModel cross = models.get(config.crossDataset().model());
        if (cross.settings().linkType() != LinkType.LINK_ONLY) {
            throw new InvalidSettingsException(
                    config.crossDataset().path() + ".model",
                    "model '" + cross.spec().name()
                            + "' must have link_type link_only (it links records across datasets; each dataset is deduplicated by its own model),"
                            + " was " + cross.settings().linkType().jsonName());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (PipelineConfig.Source s : config.sources()) {
            if (!Files.isRegularFile(s.file())) {
                throw new InputDataException(s.path() + ".file: " + s.file() + ": file not found");
            }
            List<String> header =
                    LoadStep.header(db, new org.datafirst.linkage.pipeline.InputSource(s.dataset(), s.file()));
            headers.put(s.dataset(), header);
            if (s.roleColumn() != null && !hasColumn(header, s.roleColumn())) {
                throw new InvalidSettingsException(
                        s.path() + ".role_column",
                        "column '" + s.roleColumn() + "' not found in " + s.file() + " (columns: "
                                + String.join(", ", header) + ")");
            }
            LoadedModel dedupe = models.get(s.model());
            if (dedupe.settings().linkType() == LinkType.LINK_ONLY) {
                throw new InvalidSettingsException(
                        s.path() + ".model",
                        "model '" + s.model()
                                + "' has link_type link_only, which finds no pairs within one dataset; use dedupe_only");
            }
            requireColumns(dedupe, s, header, s.path() + ".model");
            requireColumns(cross, s, header, config.crossDataset().path() + ".model");
        }
        for (LoadedModel m : models.values()) {
            if (m.trained() == null) {
                for (PipelineConfig.Source s : config.trainingSources(m.spec())) {
                    requireColumns(m, s, headers.get(s.dataset()), m.spec().path() + ".train_on");
                }
            }
        }
        return models;
    }

    private static LoadedModel load(PipelineConfig.Model m) {
        String where = m.path() + (m.trainedHere() ? ".settings" : ".model");
        java.nio.file.Path file = m.trainedHere() ? m.settings() : m.trainedModel();
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException(where, file + ": file not found");
        }
        try {
            if (m.trainedHere()) {
                JsonNode json = ModelJson.MAPPER.readTree(Files.readString(file));
                return new LoadedModel(m, SettingsParser.parse(json), json, null);
            }
            LinkageModel trained = ModelJson.read(file);
            return new LoadedModel(m, trained.settings(), trained.settingsJson(), trained);
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(where, file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidSettingsException(
                    where, file + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
    }

    private static void requireColumns(LoadedModel m, PipelineConfig.Source s, List<String> header, String where) {
        List<ColumnReferences.Reference> refs = new ArrayList<>(ColumnReferences.of(m.settings(), m.settingsJson()));
        // the pipeline names each source's role column itself
        refs.removeIf(r -> r.path().equals("$.role_column_name"));
        try {
            ColumnReferences.requireAll(refs, s.file().toString(), header);
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(
                    where,
                    "model '" + m.spec().name() + "' cannot read dataset '" + s.dataset() + "': " + e.getMessage());
        }
    }

    private static boolean hasColumn(List<String> header, String column) {
        return header.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)));
    }
}
