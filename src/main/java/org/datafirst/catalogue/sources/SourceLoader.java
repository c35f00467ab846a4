package org.datafirst.catalogue.sources;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.datafirst.catalogue.catalogue.ReleaseWriter;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.DocumentRules;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.InvalidDocumentException;
import org.datafirst.catalogue.problem.ProblemError;
import org.jboss.logging.Logger;

/**
 * Loads catalogue-sources/ into the store: shared lookups first, then one release per changed
 * dataset file. Each file is its own transaction, so a bad file writes nothing, leaves its last
 * good release published, and does not stop the others.
 */
@ApplicationScoped
public class SourceLoader {

    private static final Logger LOG = Logger.getLogger(SourceLoader.class);

    @Inject
    CatalogueConfig config;

    @Inject
    ReleaseWriter releases;

    @Inject
    MeterRegistry metrics;

    void onStart(@Observes StartupEvent event) {
        if (config.sources().loadOnStartup()) {
            load(Path.of(config.sources().path()));
        }
    }

    public List<LoadOutcome> load(Path root) {
        return load(root, ReleaseWriter.SOURCE_LOADER);
    }

    /** @param actor who asked for the load, recorded in the audit log of each release it makes */
    public List<LoadOutcome> load(Path root, String actor) {
        if (!Files.isDirectory(root)) {
            LOG.warnf("Catalogue sources folder %s does not exist; nothing loaded", root.toAbsolutePath());
            return List.of();
        }
        List<LoadOutcome> outcomes = new ArrayList<>();
        Map<String, LookupDocument> shared = sharedLookups(root, outcomes);
        for (Path file : yamlFiles(root.resolve("datasets"))) {
            long start = System.nanoTime();
            LoadOutcome outcome = loadDataset(root, file, shared, actor);
            Timer.builder("catalogue.ingest")
                    .description("Time to load one catalogue source file")
                    .tag("source", "catalogue-sources")
                    .tag("outcome", outcome.status().name().toLowerCase())
                    .register(metrics)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            outcomes.add(outcome);
        }
        outcomes.forEach(SourceLoader::log);
        return outcomes;
    }

    private Map<String, LookupDocument> sharedLookups(Path root, List<LoadOutcome> outcomes) {
        Map<String, LookupDocument> lookups = new LinkedHashMap<>();
        for (Path file : yamlFiles(root.resolve("lookups"))) {
            String name = relative(root, file);
            try {
                LookupDocument lookup = DocumentParser.lookup(Files.readAllBytes(file), name);
                List<ProblemError> errors = new ArrayList<>(DocumentRules.checkLookup(lookup, name, ""));
                if (!file.getFileName().toString().equals(lookup.id() + ".yaml")) {
                    errors.add(new ProblemError(name, "/id", "id '" + lookup.id() + "' must equal the file name"));
                }
                if (errors.isEmpty()) {
                    lookups.put(lookup.id(), lookup);
                } else {
                    outcomes.add(LoadOutcome.rejected(name, errors));
                }
            } catch (InvalidDocumentException e) {
                outcomes.add(LoadOutcome.rejected(name, e.errors()));
            } catch (IOException e) {
                outcomes.add(LoadOutcome.rejected(name, List.of(ProblemError.at(name, "could not be read: " + e))));
            }
        }
        return lookups;
    }

    private LoadOutcome loadDataset(Path root, Path file, Map<String, LookupDocument> shared, String actor) {
        String name = relative(root, file);
        try {
            DatasetDocument document = DocumentParser.dataset(Files.readAllBytes(file), name);
            List<ProblemError> errors = new ArrayList<>(DocumentRules.check(document, shared, name));
            if (!file.getFileName().toString().equals(document.id() + ".yaml")) {
                errors.add(new ProblemError(name, "/id", "id '" + document.id() + "' must equal the file name"));
            }
            if (!errors.isEmpty()) {
                return LoadOutcome.rejected(name, errors);
            }
            Map<String, LookupDocument> available = new LinkedHashMap<>(shared);
            document.lookups().forEach(lookup -> available.put(lookup.id(), lookup));
            return releases.publish(document, available, name, actor)
                    .map(release -> LoadOutcome.released(name, document.id(), release.version))
                    .orElseGet(() -> LoadOutcome.unchanged(name, document.id()));
        } catch (InvalidDocumentException e) {
            return LoadOutcome.rejected(name, e.errors());
        } catch (IOException e) {
            return LoadOutcome.rejected(name, List.of(ProblemError.at(name, "could not be read: " + e)));
        }
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void log(LoadOutcome outcome) {
        switch (outcome.status()) {
            case RELEASED ->
                LOG.infof("%s: released %s version %d", outcome.file(), outcome.datasetId(), outcome.version());
            case UNCHANGED -> LOG.debugf("%s: unchanged", outcome.file());
            case REJECTED ->
                outcome.errors()
                        .forEach(error -> LOG.errorf(
                                "%s rejected, nothing written, last good release stays published: %s",
                                outcome.file(), error));
        }
    }
}
