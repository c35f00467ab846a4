package org.datafirst.linkage.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.LinkageSettings;

/**
 * The whole pipeline on one DuckDB session: load and standardise → term frequencies → train (prior,
 * u, EM) → predict → cluster. Each step is its own class and can be run alone; this class only
 * sequences them and times them.
 */
public final class LinkageJob {

    private final Engine db;
    private final Progress progress;
    private final Map<String, Double> stepSeconds = new LinkedHashMap<>();
    private final Map<String, Double> trainingSeconds = new LinkedHashMap<>();

    public LinkageJob(Engine db, Progress progress) {
        this.db = db;
        this.progress = progress;
    }

    public Engine db() {
        return db;
    }

    /** Seconds per step, in the order they ran. */
    public Map<String, Double> stepSeconds() {
        return stepSeconds;
    }

    /** Seconds of the parts of training (prior, u_estimation, em), within the step "train". */
    public Map<String, Double> trainingSeconds() {
        return trainingSeconds;
    }

    public long load(LinkageSettings settings, List<InputSource> inputs) {
        return load(settings, null, inputs);
    }

    /** Loads the inputs; {@code settingsJson} (may be null) spells the JSON path of a missing column. */
    public long load(LinkageSettings settings, JsonNode settingsJson, List<InputSource> inputs) {
        progress.step("load and standardise");
        long n = timed("load", () -> LoadStep.run(db, settings, settingsJson, inputs));
        timed("term_frequencies", () -> {
            TermFrequencies.run(db, settings);
            return 0L;
        });
        return n;
    }

    public LinkageModel train(LinkageSettings settings, JsonNode settingsJson) {
        return timed(
                "train",
                () -> Trainer.train(
                        db,
                        settings,
                        settingsJson,
                        progress,
                        (part, seconds) -> trainingSeconds.merge(part, seconds, Double::sum)));
    }

    public long predict(LinkageModel model) {
        progress.step("predict (block, compare, score)");
        return timed("predict", () -> Predictor.run(db, model, 0.0));
    }

    public Clusterer.Result cluster(LinkageModel model, ClusteringSettings clustering, double threshold) {
        progress.step("cluster (" + clustering.method().jsonName() + ")");
        return timed("cluster", () -> Clusterer.run(db, model, clustering, Predictor.TABLE, threshold));
    }

    public <T> T timed(String name, java.util.function.Supplier<T> body) {
        long t0 = System.nanoTime();
        try {
            return body.get();
        } finally {
            stepSeconds.merge(name, (System.nanoTime() - t0) / 1e9, Double::sum);
        }
    }
}
