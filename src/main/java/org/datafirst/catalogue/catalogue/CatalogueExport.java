package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datafirst.catalogue.problem.NotFoundException;

/**
 * The read side for harvesters (DCAT, HDR UK Gateway): whole datasets with tables, variables,
 * lookups and release history, in a fixed number of queries whatever the catalogue's size
 * (no query per dataset, table or variable).
 */
@ApplicationScoped
public class CatalogueExport {

    @Inject
    EntityManager em;

    /**
     * Published datasets ordered by id, a page at a time; with {@code modifiedSince}, only those
     * whose current release was made at or after that instant.
     */
    @Transactional
    public PublishedPage page(Optional<OffsetDateTime> modifiedSince, int offset, int limit) {
        StringBuilder sql = new StringBuilder(
                "select d.id, count(*) over () from dataset d " + "join release r on r.id = d.current_release_id ");
        if (modifiedSince.isPresent()) {
            // A draft published later became current when it was published, not when it was made.
            sql.append(
                    "where coalesce((select max(p.published_at) from release_publication p where p.release_id = r.id), "
                            + "r.created_at) >= :since ");
        }
        sql.append("order by d.id limit :limit offset :offset");
        Query query = em.createNativeQuery(sql.toString())
                .setParameter("limit", limit)
                .setParameter("offset", offset);
        modifiedSince.ifPresent(since -> query.setParameter("since", since));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            long total = offset == 0 ? 0 : page(modifiedSince, 0, 1).total();
            return new PublishedPage(List.of(), total);
        }
        List<String> ids = rows.stream().map(row -> (String) row[0]).toList();
        return new PublishedPage(load(ids), ((Number) rows.get(0)[1]).longValue());
    }

    /** One published dataset with everything a harvester needs. */
    @Transactional
    public PublishedDataset dataset(String id) {
        List<PublishedDataset> found = load(List.of(id));
        if (found.isEmpty()) {
            throw new NotFoundException("dataset", id);
        }
        return found.get(0);
    }

    private List<PublishedDataset> load(List<String> ids) {
        List<Dataset> datasets = em.createQuery(
                        "select d from Dataset d join fetch d.currentRelease r "
                                + "left join fetch r.coverage where d.id in :ids",
                        Dataset.class)
                .setParameter("ids", ids)
                .getResultList();
        List<Long> releaseIds =
                datasets.stream().map(d -> d.currentRelease.id).distinct().toList();
        if (releaseIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DataTable>> tables = em
                .createQuery(
                        "select distinct t from DataTable t "
                                + "left join fetch t.variables v left join fetch v.lookupVersion where t.release.id in :ids",
                        DataTable.class)
                .setParameter("ids", releaseIds)
                .getResultList()
                .stream()
                .sorted(Comparator.comparingInt(t -> t.ordinal))
                .collect(Collectors.groupingBy(t -> t.release.id, LinkedHashMap::new, Collectors.toList()));
        List<Long> lookupIds = tables.values().stream()
                .flatMap(List::stream)
                .flatMap(t -> t.variables.stream())
                .filter(v -> v.lookupVersion != null)
                .map(v -> v.lookupVersion.id)
                .distinct()
                .toList();
        if (!lookupIds.isEmpty()) {
            // Initialises the codes of the lookup versions the variables already point at.
            em.createQuery(
                            "select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id in :ids",
                            LookupVersion.class)
                    .setParameter("ids", lookupIds)
                    .getResultList();
        }
        // Harvesters see published releases only; drafts stay with curators.
        Map<String, List<Release>> releases = em
                .createQuery(
                        "select r from Release r where r.datasetId in :ids "
                                + "and r.status = :published order by r.datasetId, r.version",
                        Release.class)
                .setParameter("ids", ids)
                .setParameter("published", Release.PUBLISHED)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(r -> r.datasetId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<PublishedDataset.Publication>> publications = em
                .createQuery(
                        "select p from ReleasePublication p where p.datasetId in :ids order by p.seq",
                        ReleasePublication.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(
                        p -> p.datasetId,
                        LinkedHashMap::new,
                        Collectors.mapping(
                                p -> new PublishedDataset.Publication(p.version, p.publishedAt), Collectors.toList())));
        Map<String, Dataset> byId =
                datasets.stream().collect(Collectors.toMap(d -> d.id, Function.identity(), (a, b) -> a));
        List<PublishedDataset> result = new ArrayList<>();
        for (String id : ids) {
            Dataset dataset = byId.get(id);
            if (dataset != null) {
                Release current = dataset.currentRelease;
                result.add(new PublishedDataset(
                        id,
                        dataset.createdAt,
                        current,
                        tables.getOrDefault(current.id, List.of()),
                        releases.getOrDefault(id, List.of(current)),
                        publications.getOrDefault(id, List.of())));
            }
        }
        return result;
    }
}
