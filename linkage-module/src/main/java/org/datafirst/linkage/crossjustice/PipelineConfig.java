package org.datafirst.linkage.crossjustice;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cross-justice pipeline as written in its JSON file: the models, the sources (one file per
 * dataset, deduplicated by one model each) and the cross-dataset link model. Paths are resolved
 * against the folder of the pipeline file. {@link PipelineConfigParser} reads and checks it.
 *
 * @param file the pipeline file itself
 * @param models the models, by name, in the order written
 * @param sources one per dataset, in the order written
 * @param crossDataset the model that links people across datasets and the name of the cross-justice id
 */
public record PipelineConfig(Path file, List<Model> models, List<Source> sources, CrossDataset crossDataset) {

    public PipelineConfig {
        models = List.copyOf(models);
        sources = List.copyOf(sources);
    }

    /**
     * A model: trained here from {@code settings} on the records of {@code trainOn} (default: every
     * source that uses it), or read already trained from {@code trainedModel}.
     *
     * @param path JSON path of the model in the pipeline file, for errors
     */
    public record Model(String name, Path settings, Path trainedModel, List<String> trainOn, String path) {
        public Model {
            trainOn = List.copyOf(trainOn);
        }

        public boolean trainedHere() {
            return trainedModel == null;
        }
    }

    /**
     * One dataset's records.
     *
     * @param dataset source dataset name (as in the cross-justice lookup's {@code source_dataset})
     * @param file CSV or Parquet
     * @param roleColumn column holding each record's role, or null
     * @param model name of the model that deduplicates this dataset (its own or another dataset's)
     * @param personIdColumn name of the dataset's person id in its output, e.g. {@code estimated_offender_id}
     * @param path JSON path of the source in the pipeline file, for errors
     */
    public record Source(
            String dataset, Path file, String roleColumn, String model, String personIdColumn, String path) {}

    /** @param path JSON path of the cross_dataset object, for errors */
    public record CrossDataset(String model, String personIdColumn, String path) {}

    public Model model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    public Optional<Source> source(String dataset) {
        return sources.stream().filter(s -> s.dataset().equals(dataset)).findFirst();
    }

    /** The datasets a model is trained on: as listed, else every source it deduplicates, else (the link model) all. */
    public List<Source> trainingSources(Model m) {
        if (!m.trainOn().isEmpty()) {
            return m.trainOn().stream().map(d -> source(d).orElseThrow()).toList();
        }
        List<Source> users =
                sources.stream().filter(s -> s.model().equals(m.name())).toList();
        return users.isEmpty() ? sources : users;
    }
}
