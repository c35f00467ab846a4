package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;

/**
 * Documents as stored: a release keeps the document it was made from whole (with every lookup it
 * uses), so exports, diffs and the write API read it back as it was written; a document published
 * again gives the same content hash as the release it came from. Lookups are also stored once per
 * distinct content, for code search and "where used"; the newest of each is what a document sent
 * to the write API may reference without defining it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReleaseDocuments {

    @Inject
    EntityManager em;

    /** The document a release was made from. */
    public DatasetDocument document(Release release) {
        return release.document;
    }

    /**
     * The newest stored version of each of these lookups, as documents: what a document sent to the
     * write API may reference without defining it.
     */
    public Map<String, LookupDocument> latestLookups(Collection<String> lookupIds) {
        if (lookupIds.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id in "
                                + "(select max(x.id) from LookupVersion x where x.lookupId in :ids group by x.lookupId)",
                        LookupVersion.class)
                .setParameter("ids", lookupIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(lv -> lv.lookupId, ReleaseDocuments::lookupDocument));
    }

    private static LookupDocument lookupDocument(LookupVersion lv) {
        return new LookupDocument(
                lv.lookupId,
                lv.title,
                lv.description,
                lv.complete,
                lv.source,
                lv.codes.stream()
                        .sorted(Comparator.comparingInt(c -> c.ordinal))
                        .map(c -> new LookupDocument.CodeDocument(c.code, c.label, c.description))
                        .toList());
    }
}
