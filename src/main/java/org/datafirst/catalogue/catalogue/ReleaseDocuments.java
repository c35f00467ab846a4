package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;

/**
 * Turns a stored release back into the document it was made from, with every lookup it uses in
 * {@code lookups}. Exports, diffs and the write API work on documents; a document published again
 * gives the same content hash as the release it came from. Three queries, whatever the size.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReleaseDocuments {

    @Inject
    EntityManager em;

    public DatasetDocument document(Release release) {
        List<DataTable> tables = em.createQuery("select distinct t from DataTable t left join fetch t.variables v "
                        + "left join fetch v.lookupVersion where t.release.id = :id", DataTable.class)
                .setParameter("id", release.id).getResultList().stream()
                .sorted(Comparator.comparingInt(t -> t.ordinal)).toList();
        List<Long> lookupIds = tables.stream().flatMap(t -> t.variables.stream())
                .filter(v -> v.lookupVersion != null).map(v -> v.lookupVersion.id).distinct().toList();
        Map<Long, LookupVersion> lookups = lookupIds.isEmpty() ? Map.of()
                : em.createQuery("select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id in :ids",
                                LookupVersion.class)
                        .setParameter("ids", lookupIds).getResultList().stream()
                        .collect(Collectors.toMap(lv -> lv.id, Function.identity(), (a, b) -> a));
        return toDocument(release, tables, lookups.values().stream()
                .sorted(Comparator.comparing(lv -> lv.lookupId)).toList());
    }

    /**
     * The newest stored version of each of these lookups, as documents: what a document sent to the
     * write API may reference without defining it.
     */
    public Map<String, LookupDocument> latestLookups(java.util.Collection<String> lookupIds) {
        if (lookupIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id in "
                        + "(select max(x.id) from LookupVersion x where x.lookupId in :ids group by x.lookupId)",
                        LookupVersion.class)
                .setParameter("ids", lookupIds).getResultList().stream()
                .collect(Collectors.toMap(lv -> lv.lookupId, ReleaseDocuments::lookupDocument));
    }

    private static LookupDocument lookupDocument(LookupVersion lv) {
        return new LookupDocument(lv.lookupId, lv.title, lv.description, lv.complete, lv.source, lv.codes.stream()
                .sorted(Comparator.comparingInt(c -> c.ordinal))
                .map(c -> new LookupDocument.CodeDocument(c.code, c.label, c.description)).toList());
    }

    /** The pure part: entities already loaded → document. */
    static DatasetDocument toDocument(Release r, List<DataTable> tables, List<LookupVersion> lookups) {
        List<CoverageDocument> coverage = r.coverage.stream()
                .sorted(Comparator.comparingInt(c -> c.ordinal))
                .map(c -> new CoverageDocument(c.startDate, c.endDate, c.basis, c.linkableUntil, c.notes))
                .toList();
        List<TableDocument> tableDocuments = tables.stream().map(t -> new TableDocument(t.name, t.grain,
                t.description, t.sourceRef, t.variables.stream()
                        .sorted(Comparator.comparingInt(v -> v.ordinal))
                        .map(v -> new VariableDocument(v.name, v.label, v.description, v.dataType, v.format,
                                v.qualityNotes, v.sensitive, v.identifierRole,
                                v.lookupVersion == null ? null : v.lookupVersion.lookupId, v.sourceRef, v.confidence,
                                v.evidence))
                        .toList()))
                .toList();
        List<LookupDocument> lookupDocuments = lookups.stream().map(ReleaseDocuments::lookupDocument).toList();
        DatasetDocument.ReleaseInfo release = r.label == null && r.changeNotes == null ? null
                : new DatasetDocument.ReleaseInfo(r.label, r.changeNotes);
        return new DatasetDocument(r.datasetId, r.title, new ArrayList<>(r.alternativeTitles), r.description,
                new DatasetDocument.Publisher(r.publisherName, r.publisherUrl),
                new DatasetDocument.Contact(r.contactName, r.contactEmail), r.source, r.sourceSystems, r.jurisdiction,
                coverage, r.keyVariables, r.researchAreas, r.approvals, r.approvalNotes, r.whereHeld,
                r.whereHeldNotes, r.accessRoute, r.linkageNotes, r.limitations, r.notes, r.dictionaryCompleteness,
                r.keywords, r.accessRights, r.firstReleased, r.officialCatalogueFile, r.catalogueEntries, release,
                r.sources, tableDocuments, lookupDocuments);
    }
}
