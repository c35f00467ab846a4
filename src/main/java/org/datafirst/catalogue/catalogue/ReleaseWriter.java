package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.datafirst.catalogue.audit.AuditLog;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;

/**
 * Makes releases. A document whose content equals the dataset's current release changes nothing;
 * otherwise a new immutable release is written (and, when published, becomes current), audited and,
 * when published, entered in the change feed, all in one transaction under the release lock.
 */
@ApplicationScoped
public class ReleaseWriter {

    /** Serialises writers across replicas so that two never give out the same version number. */
    private static final long RELEASE_LOCK = 0x44465f52454cL;

    /** The actor of releases made by loading catalogue-sources/ at start-up. */
    public static final String SOURCE_LOADER = "source-loader";

    @Inject
    AuditLog audit;

    @Inject
    Event<CurrentReleases.Written> written;

    /**
     * Takes the release lock for the rest of the caller's transaction. Every writer of releases
     * holds it, so a writer that reads the current state after locking sees the last commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        Panache.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, RELEASE_LOCK)
                .getSingleResult();
    }

    /**
     * Publishes a source file's document: unchanged when it equals the current release, or the last
     * release made from the same file (so curators' API edits are not undone by a restart).
     *
     * @param document a validated dictionary
     * @param lookups every lookup the document's variables reference, by id (local and shared)
     * @param origin what the release was made from, e.g. "catalogue-sources/datasets/probation.yaml"
     * @return the new release, or empty when the content is unchanged
     */
    @Transactional
    public Optional<Release> publish(DatasetDocument document, Map<String, LookupDocument> lookups, String origin) {
        return publish(document, lookups, origin, SOURCE_LOADER);
    }

    @Transactional
    public Optional<Release> publish(
            DatasetDocument document, Map<String, LookupDocument> lookups, String origin, String actor) {
        return write(document, lookups, origin, Release.PUBLISHED, actor, true);
    }

    /**
     * Writes a release from the write API: a draft, or a published release that becomes current.
     * Unchanged (empty) when the dataset's newest release has the same content and status.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Release> write(
            DatasetDocument document, Map<String, LookupDocument> lookups, String origin, String status, String actor) {
        return write(document, lookups, origin, status, actor, false);
    }

    private Optional<Release> write(
            DatasetDocument document,
            Map<String, LookupDocument> lookups,
            String origin,
            String status,
            String actor,
            boolean sameOriginCounts) {
        lock();
        Map<String, LookupDocument> referenced = referencedLookups(document, lookups);
        // Lookups count by content, wherever they were defined (in the file, a shared file, an upload).
        String hash = ContentHash.of(Map.of("dataset", document.withLookups(List.of()), "lookups", referenced));

        Dataset dataset = Dataset.findById(document.id());
        if (dataset == null) {
            dataset = new Dataset();
            dataset.id = document.id();
            dataset.createdAt = now();
            dataset.persist();
        } else if (unchanged(dataset, hash, origin, status, sameOriginCounts)) {
            return Optional.empty();
        }

        // Stored whole, with exactly the lookups it uses (by id), as it is read back.
        Release release = newRelease(
                document.withLookups(List.copyOf(referenced.values())), hash, origin, nextVersion(document.id()));
        release.status = status;
        release.persist();
        writeCoverage(release, document.coverage());
        Map<String, LookupVersion> versions = new HashMap<>();
        referenced.forEach((id, lookup) -> versions.put(id, lookupVersion(lookup)));
        writeTables(release, document.tables(), versions);
        audit.record(
                actor,
                AuditLog.RELEASE_CREATED,
                release.datasetId,
                release.version,
                origin,
                status + " release " + release.version + (release.label() == null ? "" : " (" + release.label() + ")"));
        if (Release.PUBLISHED.equals(status)) {
            makeCurrent(dataset, release, actor);
        }
        written.fire(new CurrentReleases.Written(release.datasetId));
        return Optional.of(release);
    }

    /**
     * Publishes a draft: it becomes the dataset's current release. Call inside a transaction that
     * holds {@link #lock()}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishDraft(Release draft, String actor) {
        if (!Release.DRAFT.equals(draft.status)) {
            throw new IllegalArgumentException("release " + draft.version + " is not a draft");
        }
        draft.status = Release.PUBLISHED;
        // A release is issued when it is published, not when its draft was written.
        draft.issued = LocalDate.now(ZoneOffset.UTC);
        audit.record(
                actor,
                AuditLog.RELEASE_PUBLISHED,
                draft.datasetId,
                draft.version,
                draft.origin,
                "draft release " + draft.version + " published");
        makeCurrent(Dataset.findById(draft.datasetId), draft, actor);
        written.fire(new CurrentReleases.Written(draft.datasetId));
    }

    private static void makeCurrent(Dataset dataset, Release release, String actor) {
        dataset.currentRelease = release;
        ReleasePublication publication = new ReleasePublication();
        publication.releaseId = release.id;
        publication.datasetId = release.datasetId;
        publication.version = release.version;
        publication.publishedAt = now();
        publication.actor = actor;
        publication.persist();
    }

    private static boolean unchanged(
            Dataset dataset, String hash, String origin, String status, boolean sameOriginCounts) {
        if (sameOriginCounts) {
            if (dataset.currentRelease != null && dataset.currentRelease.contentHash.equals(hash)) {
                return true;
            }
            return Release.<Release>find("datasetId = ?1 and origin = ?2 order by version desc", dataset.id, origin)
                    .firstResultOptional()
                    .map(r -> r.contentHash.equals(hash))
                    .orElse(false);
        }
        return Release.<Release>find("datasetId = ?1 order by version desc", dataset.id)
                .firstResultOptional()
                .map(head -> head.contentHash.equals(hash) && head.status.equals(status))
                .orElse(false);
    }

    private static Map<String, LookupDocument> referencedLookups(
            DatasetDocument document, Map<String, LookupDocument> lookups) {
        Map<String, LookupDocument> referenced = new TreeMap<>();
        for (TableDocument table : document.tables()) {
            for (VariableDocument variable : table.variables()) {
                if (variable.lookup() != null) {
                    LookupDocument lookup = lookups.get(variable.lookup());
                    if (lookup == null) {
                        throw new IllegalArgumentException("Unresolved lookup " + variable.lookup()
                                + "; documents must be validated before they are published");
                    }
                    referenced.put(lookup.id(), lookup);
                }
            }
        }
        return referenced;
    }

    private static int nextVersion(String datasetId) {
        Integer max = Panache.getEntityManager()
                .createQuery("select max(r.version) from Release r where r.datasetId = ?1", Integer.class)
                .setParameter(1, datasetId)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static Release newRelease(DatasetDocument document, String hash, String origin, int version) {
        Release r = new Release();
        r.datasetId = document.id();
        r.version = version;
        r.issued = LocalDate.now(ZoneOffset.UTC);
        r.createdAt = now();
        r.contentHash = hash;
        r.origin = origin;
        r.document = document;
        return r;
    }

    private static void writeCoverage(Release release, List<CoverageDocument> coverage) {
        int ordinal = 0;
        for (CoverageDocument c : coverage) {
            CoveragePeriod period = new CoveragePeriod();
            period.release = release;
            period.ordinal = ordinal++;
            period.startDate = c.start();
            period.endDate = c.end();
            period.persist();
            release.coverage.add(period);
        }
    }

    private static void writeTables(Release release, List<TableDocument> tables, Map<String, LookupVersion> lookups) {
        int tableOrdinal = 0;
        for (TableDocument t : tables) {
            DataTable table = new DataTable();
            table.release = release;
            table.ordinal = tableOrdinal++;
            table.name = t.name();
            table.grain = t.grain();
            table.description = t.description();
            table.sourceRef = t.source();
            table.persist();
            release.tables.add(table);
            int variableOrdinal = 0;
            for (VariableDocument v : t.variables()) {
                Variable variable = new Variable();
                variable.table = table;
                variable.ordinal = variableOrdinal++;
                variable.name = v.name();
                variable.label = v.label();
                variable.description = v.description();
                variable.dataType = v.type();
                variable.format = v.format();
                variable.qualityNotes = v.qualityNotes();
                variable.sensitive = v.sensitive();
                variable.identifierRole = v.identifierRole();
                variable.lookupVersion = v.lookup() == null ? null : lookups.get(v.lookup());
                variable.sourceRef = v.source();
                variable.confidence = v.confidence();
                variable.evidence = v.evidence();
                variable.persist();
                table.variables.add(variable);
            }
        }
    }

    /** The stored version with this exact content, or a new one. */
    private static LookupVersion lookupVersion(LookupDocument document) {
        String hash = ContentHash.of(document);
        Optional<LookupVersion> existing = LookupVersion.find("lookupId = ?1 and contentHash = ?2", document.id(), hash)
                .firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        if (Lookup.findById(document.id()) == null) {
            Lookup lookup = new Lookup();
            lookup.id = document.id();
            lookup.createdAt = now();
            lookup.persist();
        }
        LookupVersion version = new LookupVersion();
        version.lookupId = document.id();
        version.contentHash = hash;
        version.title = document.title();
        version.description = document.description();
        version.complete = document.complete();
        version.source = document.source();
        version.createdAt = now();
        version.persist();
        int ordinal = 0;
        for (LookupDocument.CodeDocument c : document.codes()) {
            LookupCode code = new LookupCode();
            code.lookupVersion = version;
            code.ordinal = ordinal++;
            code.code = c.code();
            code.label = c.label();
            code.description = c.description();
            code.persist();
            version.codes.add(code);
        }
        return version;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
