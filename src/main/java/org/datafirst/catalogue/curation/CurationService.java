package org.datafirst.catalogue.curation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.catalogue.ReleaseWriter;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.DocumentRules;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.config.Json;
import org.datafirst.catalogue.problem.ConflictException;
import org.datafirst.catalogue.problem.InvalidDocumentException;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.problem.PreconditionFailedException;
import org.datafirst.catalogue.problem.PreconditionRequiredException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.sources.DocumentParser;
import org.datafirst.catalogue.sources.LoadOutcome;
import org.datafirst.catalogue.sources.SourceLoader;

/**
 * Curators' writes. Each is one transaction: validate the input, take the release lock, check the
 * precondition against the committed state, write. Any failure rolls everything back, so a
 * rejected or failed write leaves no trace; a successful one is audited in the same transaction.
 */
@ApplicationScoped
public class CurationService {

    static final String BODY = "body";

    @Inject
    ReleaseWriter writer;

    @Inject
    ReleaseDocuments documents;

    @Inject
    ReleaseQueries queries;

    @Inject
    SourceLoader loader;

    @Inject
    CatalogueConfig config;

    @Inject
    EntityManager em;

    /** Creates a dataset, or replaces its dictionary, from a whole document (the source-file schema, as JSON). */
    @Transactional
    public WriteOutcome replace(String datasetId, byte[] body, Precondition precondition, String status, String actor) {
        DatasetDocument document = DocumentParser.dataset(json(body), BODY);
        if (!datasetId.equals(document.id())) {
            throw invalid(
                    "/id", "id '" + document.id() + "' must equal the dataset id in the path, '" + datasetId + "'");
        }
        return replace(document, "PUT /api/v1/datasets/" + datasetId, precondition, status, actor);
    }

    /**
     * Creates a dataset, or replaces its dictionary, from a document already read and checked
     * elsewhere (an uploaded workbook): the same lock, precondition, rules and audit as a PUT.
     */
    @Transactional
    public WriteOutcome replace(
            DatasetDocument document, String origin, Precondition precondition, String status, String actor) {
        writer.lock();
        check(document.id(), precondition, true);
        return write(document, origin, status, actor);
    }

    /**
     * Edits a dataset's fields with a JSON Merge Patch applied to its newest release (draft or
     * published); the patched document must still satisfy the schema and rules.
     */
    @Transactional
    public WriteOutcome edit(String datasetId, byte[] body, Precondition precondition, String status, String actor) {
        JsonNode patch = json(body);
        if (!patch.isObject()) {
            throw invalid("", "a merge patch must be a JSON object");
        }
        if (patch.has("id") && !patch.get("id").asText().equals(datasetId)) {
            throw invalid("/id", "the dataset id cannot be changed");
        }
        writer.lock();
        check(datasetId, precondition, false);
        DatasetDocument base = documents.document(queries.headRelease(datasetId));
        JsonNode patched = MergePatch.apply(Json.MAPPER.valueToTree(base), patch);
        return write(DocumentParser.dataset(patched, BODY), "PATCH /api/v1/datasets/" + datasetId, status, actor);
    }

    /**
     * Publishes a draft release: it becomes the dataset's current release and enters the change feed.
     * A draft older than the current release is refused (409): releases only move forwards.
     */
    @Transactional
    public WriteOutcome publish(String datasetId, int version, Precondition precondition, String actor) {
        writer.lock();
        check(datasetId, precondition, false);
        Release release = queries.release(datasetId, version);
        if (!Release.DRAFT.equals(release.status)) {
            throw new ConflictException("Release " + version + " of dataset '" + datasetId + "' is already published");
        }
        Release current = queries.currentRelease(datasetId);
        if (current.version > release.version) {
            // Publishing would take the dataset, its feed and the Gateway's version backwards.
            throw new ConflictException("Release " + version + " of dataset '" + datasetId + "' is a draft older than "
                    + "release " + current.version + ", which is published and current; publishing it would take the "
                    + "dataset back. To restore its content, write it again as a new release (PUT or PATCH).");
        }
        writer.publishDraft(release, actor);
        return outcome(datasetId, release, true);
    }

    /** Loads catalogue-sources/ again: one release per changed file, each file its own transaction. */
    public List<LoadOutcome> reloadSources(String actor) {
        return loader.load(Path.of(config.sources().path()), actor);
    }

    private WriteOutcome write(DatasetDocument document, String origin, String status, String actor) {
        Map<String, LookupDocument> shared = documents.latestLookups(referencedButNotDefined(document));
        List<ProblemError> errors = DocumentRules.check(document, shared, BODY);
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException("The request body", errors);
        }
        Map<String, LookupDocument> available = new LinkedHashMap<>(shared);
        document.lookups().forEach(lookup -> available.put(lookup.id(), lookup));
        return writer.write(document, available, origin, status, actor)
                .map(release -> outcome(document.id(), release, true))
                .orElseGet(() -> outcome(document.id(), queries.headRelease(document.id()), false));
    }

    private WriteOutcome outcome(String datasetId, Release release, boolean created) {
        em.flush();
        return new WriteOutcome(release, created, queries.datasetTag(datasetId).orElseThrow());
    }

    /** Evaluates the conditional headers; the caller holds the release lock. */
    private void check(String datasetId, Precondition precondition, boolean mayCreate) {
        var current = queries.datasetTag(datasetId);
        if (current.isEmpty()) {
            if (!mayCreate) {
                throw new NotFoundException("dataset", datasetId);
            }
            if (precondition.ifMatch().isPresent()) {
                throw new PreconditionFailedException("Dataset '" + datasetId + "' does not exist, so no entity tag "
                        + "matches; create it without If-Match (or with If-None-Match: *)");
            }
            return;
        }
        if (precondition.createOnly()) {
            throw new PreconditionFailedException("Dataset '" + datasetId + "' already exists (If-None-Match: *)");
        }
        if (precondition.ifMatch().isEmpty()) {
            throw new PreconditionRequiredException("Writes to dataset '" + datasetId + "' need If-Match with its "
                    + "current ETag (from GET /api/v1/datasets/" + datasetId + " or the last write's response)");
        }
        if (!precondition.matches(current.get())) {
            throw new PreconditionFailedException(
                    "If-Match " + precondition.ifMatch().get() + " is not the current "
                            + "ETag of dataset '" + datasetId + "': it changed since you read it. Nothing was written; "
                            + "read it again and reapply your change");
        }
    }

    private JsonNode json(byte[] body) {
        return DocumentParser.json(body, BODY, config.api().maxBodyBytes());
    }

    private static Set<String> referencedButNotDefined(DatasetDocument document) {
        Set<String> ids = new TreeSet<>();
        for (TableDocument table : document.tables()) {
            for (VariableDocument variable : table.variables()) {
                if (variable.lookup() != null) {
                    ids.add(variable.lookup());
                }
            }
        }
        ids.removeAll(document.lookups().stream().map(LookupDocument::id).toList());
        return ids;
    }

    private static InvalidDocumentException invalid(String pointer, String message) {
        return new InvalidDocumentException("The request body", List.of(new ProblemError(BODY, pointer, message)));
    }
}
