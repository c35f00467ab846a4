package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;

/**
 * Makes releases. A document whose content equals the dataset's current release changes nothing;
 * otherwise a new immutable release is written and becomes current, all in one transaction.
 */
@ApplicationScoped
public class ReleaseWriter {

    /** Serialises writers across replicas so that two never give out the same version number. */
    private static final long RELEASE_LOCK = 0x44465f52454cL;

    /**
     * @param document a validated dictionary
     * @param lookups every lookup the document's variables reference, by id (local and shared)
     * @param origin what the release was made from, e.g. "catalogue-sources/datasets/probation.yaml"
     * @return the new release, or empty when the content is unchanged
     */
    @Transactional
    public Optional<Release> publish(DatasetDocument document, Map<String, LookupDocument> lookups, String origin) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, RELEASE_LOCK).getSingleResult();
        Map<String, LookupDocument> referenced = referencedLookups(document, lookups);
        // Lookups count by content, wherever they were defined (in the file, a shared file, an upload).
        String hash = ContentHash.of(Map.of("dataset", document.withLookups(List.of()), "lookups", referenced));

        Dataset dataset = Dataset.findById(document.id());
        if (dataset == null) {
            dataset = new Dataset();
            dataset.id = document.id();
            dataset.createdAt = now();
            dataset.persist();
        } else if (dataset.currentRelease != null && dataset.currentRelease.contentHash.equals(hash)) {
            return Optional.empty();
        }

        Release release = newRelease(document, hash, origin, nextVersion(document.id()));
        release.persist();
        writeCoverage(release, document.coverage());
        Map<String, LookupVersion> versions = new HashMap<>();
        referenced.forEach((id, lookup) -> versions.put(id, lookupVersion(lookup)));
        writeTables(release, document.tables(), versions);
        dataset.currentRelease = release;
        return Optional.of(release);
    }

    private static Map<String, LookupDocument> referencedLookups(DatasetDocument document,
            Map<String, LookupDocument> lookups) {
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
                .setParameter(1, datasetId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static Release newRelease(DatasetDocument d, String hash, String origin, int version) {
        Release r = new Release();
        r.datasetId = d.id();
        r.version = version;
        r.label = d.release() == null ? null : d.release().label();
        r.changeNotes = d.release() == null ? null : d.release().changeNotes();
        r.status = "published";
        r.issued = LocalDate.now(ZoneOffset.UTC);
        r.createdAt = now();
        r.contentHash = hash;
        r.origin = origin;
        r.title = d.title();
        r.alternativeTitles = new ArrayList<>(d.alternativeTitles());
        r.description = d.description();
        r.publisherName = d.publisher().name();
        r.publisherUrl = d.publisher().url();
        r.contactName = d.contact().name();
        r.contactEmail = d.contact().email();
        r.source = d.source();
        r.sourceSystems = new ArrayList<>(d.sourceSystems());
        r.jurisdiction = d.jurisdiction();
        r.keyVariables = new ArrayList<>(d.keyVariables());
        r.researchAreas = new ArrayList<>(d.researchAreas());
        r.approvals = new ArrayList<>(d.approvals());
        r.approvalNotes = d.approvalNotes();
        r.whereHeld = new ArrayList<>(d.whereHeld());
        r.whereHeldNotes = d.whereHeldNotes();
        r.accessRoute = d.accessRoute();
        r.linkageNotes = d.linkageNotes();
        r.limitations = new ArrayList<>(d.limitations());
        r.notes = d.notes();
        r.dictionaryCompleteness = d.dictionaryCompleteness();
        r.keywords = new ArrayList<>(d.keywords());
        r.accessRights = d.accessRights();
        r.firstReleased = d.firstReleased();
        r.officialCatalogueFile = d.officialCatalogueFile();
        r.catalogueEntries = new ArrayList<>(d.catalogueEntries());
        r.sources = new ArrayList<>(d.sources());
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
            period.basis = c.basis();
            period.linkableUntil = c.linkableUntil();
            period.notes = c.notes();
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
        Optional<LookupVersion> existing = LookupVersion
                .find("lookupId = ?1 and contentHash = ?2", document.id(), hash).firstResultOptional();
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
