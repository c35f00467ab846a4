package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datafirst.catalogue.problem.NotFoundException;

/**
 * Releases as stored, and their tables and variables. Every release fetch goes through
 * {@link #RELEASE} (a release with its coverage) and every table fetch through {@link #TABLE} (a
 * table with its variables and their lookup versions), so each is written once. Which release is
 * current is asked in one place, {@link #currentReleaseId}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReleaseQueries {

    private static final String RELEASE = "select distinct r from Release r left join fetch r.coverage where ";
    private static final String TABLE = "select distinct t from DataTable t left join fetch t.variables v "
            + "left join fetch v.lookupVersion where t.release.id = :release ";

    @Inject
    EntityManager em;

    @Inject
    CurrentReleases currentReleases;

    /** The id of a dataset's current release, from this replica's map (see {@link CurrentReleases}). */
    public long currentReleaseId(String datasetId) {
        return currentReleases.currentReleaseId(datasetId);
    }

    /** A release by id, with its coverage. */
    public Release release(long releaseId) {
        return em.createQuery(RELEASE + "r.id = :id", Release.class)
                .setParameter("id", releaseId)
                .getSingleResult();
    }

    /** Releases by id, with their coverage. */
    public Map<Long, Release> releases(List<Long> ids) {
        return em.createQuery(RELEASE + "r.id in :ids", Release.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity(), (a, b) -> a));
    }

    /** The current release of a dataset, with its coverage. */
    public Release currentRelease(String datasetId) {
        return release(currentReleaseId(datasetId));
    }

    /**
     * Every dataset's current release with its coverage, by title. One query without list
     * parameters, so Hibernate reuses its compiled form (pages list every dataset on each request).
     */
    public List<Release> currentReleases() {
        return em
                .createQuery(RELEASE + "r.id in (select d.currentRelease.id from Dataset d)", Release.class)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing((Release r) -> r.title().toLowerCase())
                        .thenComparing(r -> r.datasetId))
                .toList();
    }

    /** Any release of a dataset by version (draft or published), with its coverage. */
    public Release release(String datasetId, int version) {
        requireDataset(datasetId);
        return em
                .createQuery(RELEASE + "r.datasetId = :id and r.version = :version", Release.class)
                .setParameter("id", datasetId)
                .setParameter("version", version)
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Dataset '" + datasetId + "' has no release " + version));
    }

    /** A dataset's published releases, newest first. */
    public List<Release> releases(String datasetId) {
        return releases(datasetId, List.of(Release.PUBLISHED));
    }

    /** A dataset's releases with one of these statuses, newest first. */
    public List<Release> releases(String datasetId, List<String> statuses) {
        requireDataset(datasetId);
        return em.createQuery(
                        "select r from Release r where r.datasetId = :id and r.status in :statuses "
                                + "order by r.version desc",
                        Release.class)
                .setParameter("id", datasetId)
                .setParameter("statuses", statuses)
                .getResultList();
    }

    /** The newest release of a dataset, draft or published: the base of an edit. */
    public Release headRelease(String datasetId) {
        return em
                .createQuery("select r from Release r where r.datasetId = :id order by r.version desc", Release.class)
                .setParameter("id", datasetId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("dataset", datasetId));
    }

    private void requireDataset(String datasetId) {
        if (em.find(Dataset.class, datasetId) == null) {
            throw new NotFoundException("dataset", datasetId);
        }
    }

    /**
     * The dataset's entity tag as the store has it now, within the caller's transaction (writes
     * check If-Match with it under the release lock; reads take it from {@link CurrentReleases}): a function of its current release (which alone determines that representation)
     * and of its newest release (so a new draft also invalidates it), quoted. Empty when there is no
     * such dataset.
     */
    public Optional<String> datasetTag(String datasetId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                select coalesce(c.id, 0), coalesce(c.content_hash, ''),
                       (select coalesce(max(r.version), 0) from release r where r.dataset_id = d.id)
                  from dataset d left join release c on c.id = d.current_release_id
                 where d.id = :id
                """).setParameter("id", datasetId).getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> CurrentReleases.tag(
                        datasetId, ((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue()));
    }

    /** A release's tables in order, each with its number of variables. */
    public List<TableWithCount> tables(Release release) {
        return em.createQuery(
                        "select t, count(v) from DataTable t left join t.variables v "
                                + "where t.release.id = :release group by t order by t.ordinal",
                        Object[].class)
                .setParameter("release", release.id)
                .getResultStream()
                .map(row -> new TableWithCount((DataTable) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    /** One table of a release with its variables and their lookups. */
    public DataTable table(Release release, String tableName) {
        return em
                .createQuery(TABLE + "and t.name = :name", DataTable.class)
                .setParameter("release", release.id)
                .setParameter("name", tableName)
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("Dataset '" + release.datasetId + "' has no table '" + tableName + "'"));
    }

    /** Every table of a release in order, with its variables and their lookup versions (one query). */
    public List<DataTable> tablesWithVariables(Release release) {
        return em.createQuery(TABLE, DataTable.class).setParameter("release", release.id).getResultList().stream()
                .sorted(Comparator.comparingInt(t -> t.ordinal))
                .toList();
    }

    public Variable variable(DataTable table, String variableName) {
        return table.variables.stream()
                .filter(v -> v.name.equals(variableName))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Table '" + table.name + "' of dataset '"
                        + table.release.datasetId + "' has no variable '" + variableName + "'"));
    }
}
