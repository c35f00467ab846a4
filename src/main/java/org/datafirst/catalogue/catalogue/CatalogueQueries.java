package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datafirst.catalogue.problem.NotFoundException;

/**
 * The read side of the catalogue. Everything served publicly comes from each dataset's current
 * release. Full-text search uses PostgreSQL tsvector columns (see V1__catalogue.sql) with ranking;
 * graphs are fetched with joins so that no read issues a query per variable.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueQueries {

    /** Weights of where a match is found: a dataset's own text counts most, a code label least. */
    private static final String SCORED_HITS = """
            with query as (select websearch_to_tsquery('english', :q) as tsq),
            hits as (
                select r.id as release_id, ts_rank(r.search_tsv, query.tsq) as score
                  from dataset d join release r on r.id = d.current_release_id, query
                 where r.search_tsv @@ query.tsq
                union all
                select t.release_id, ts_rank(t.search_tsv, query.tsq) * 0.6
                  from dataset d join data_table t on t.release_id = d.current_release_id, query
                 where t.search_tsv @@ query.tsq
                union all
                select t.release_id, ts_rank(v.search_tsv, query.tsq) * 0.4
                  from dataset d join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id, query
                 where v.search_tsv @@ query.tsq
                union all
                select t.release_id, ts_rank(c.search_tsv, query.tsq) * 0.2
                  from dataset d join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id
                  join lookup_code c on c.lookup_version_id = v.lookup_version_id, query
                 where c.search_tsv @@ query.tsq
            ),
            scores as (select release_id, sum(score) as score from hits group by release_id)
            """;

    @Inject
    EntityManager em;

    public SearchResult<Release> searchDatasets(DatasetQuery query, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        boolean ranked = query.text().isPresent();
        if (ranked) {
            sql.append(SCORED_HITS);
            parameters.put("q", query.text().get());
        }
        sql.append("select r.id, ").append(ranked ? "s.score" : "cast(null as float4)")
                .append(", count(*) over () from dataset d join release r on r.id = d.current_release_id ");
        if (ranked) {
            sql.append("join scores s on s.release_id = r.id ");
        }
        sql.append("where true ");
        if (!query.jurisdictions().isEmpty()) {
            sql.append("and lower(r.jurisdiction) in (:jurisdictions) ");
            parameters.put("jurisdictions", lower(query.jurisdictions()));
        }
        facet(sql, parameters, "where_held", "whereHeld", query.whereHeld());
        facet(sql, parameters, "approvals", "approvals", query.approvals());
        facet(sql, parameters, "source_systems", "sourceSystems", query.sourceSystems());
        if (query.coverageFrom().isPresent() || query.coverageTo().isPresent()) {
            sql.append("and exists (select 1 from coverage_period c where c.release_id = r.id "
                    + "and c.start_date <= :coverageEnd and coalesce(c.end_date, 'infinity'::date) >= :coverageStart) ");
            parameters.put("coverageStart", LocalDate.of(query.coverageFrom().orElse(1), 1, 1));
            parameters.put("coverageEnd", LocalDate.of(query.coverageTo().orElse(9999), 12, 31));
        }
        sql.append(ranked ? "order by s.score desc, lower(r.title), d.id " : "order by lower(r.title), d.id ");
        sql.append("limit :limit offset :offset");
        parameters.put("limit", page.size());
        parameters.put("offset", page.offset());

        Query nativeQuery = em.createNativeQuery(sql.toString());
        parameters.forEach(nativeQuery::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery.getResultList();
        if (rows.isEmpty()) {
            return new SearchResult<>(List.of(), page.offset() == 0 ? 0 : countDatasets(query));
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, Release> releases = releasesWithCoverage(ids);
        List<SearchResult.Hit<Release>> hits = rows.stream()
                .map(row -> new SearchResult.Hit<>(releases.get(((Number) row[0]).longValue()),
                        row[1] == null ? null : ((Number) row[1]).doubleValue()))
                .toList();
        return new SearchResult<>(hits, ((Number) rows.get(0)[2]).longValue());
    }

    /**
     * The total when the asked page is past the end (the window count is then unavailable): the first
     * page of one hit carries the same count and loads one release instead of all of them.
     */
    private long countDatasets(DatasetQuery query) {
        return searchDatasets(query, new PageRequest(1, 1)).total();
    }

    private static void facet(StringBuilder sql, Map<String, Object> parameters, String column, String name,
            List<String> values) {
        if (!values.isEmpty()) {
            sql.append("and exists (select 1 from jsonb_array_elements_text(r.").append(column)
                    .append(") e where lower(e) in (:").append(name).append(")) ");
            parameters.put(name, lower(values));
        }
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(String::toLowerCase).toList();
    }

    private Map<Long, Release> releasesWithCoverage(List<Long> ids) {
        return em.createQuery("select distinct r from Release r left join fetch r.coverage where r.id in :ids",
                        Release.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity(), (a, b) -> a));
    }

    /** The id of a dataset's current release: one primary-key lookup. */
    public long currentReleaseId(String datasetId) {
        List<?> ids = em.createNativeQuery("select current_release_id from dataset where id = ?1 "
                + "and current_release_id is not null").setParameter(1, datasetId).getResultList();
        if (ids.isEmpty()) {
            throw new NotFoundException("dataset", datasetId);
        }
        return ((Number) ids.get(0)).longValue();
    }

    /** A release by id, with its coverage. */
    public Release release(long releaseId) {
        return em.createQuery("select r from Release r left join fetch r.coverage where r.id = :id", Release.class)
                .setParameter("id", releaseId).getSingleResult();
    }

    /**
     * Every dataset's current release with its coverage, by title. One query without list
     * parameters, so Hibernate reuses its compiled form (pages list every dataset on each request).
     */
    public List<Release> currentReleases() {
        return em.createQuery("select distinct r from Dataset d join d.currentRelease r left join fetch r.coverage",
                        Release.class).getResultList().stream()
                .sorted(Comparator.comparing((Release r) -> r.title().toLowerCase()).thenComparing(r -> r.datasetId))
                .toList();
    }

    /** The current release of a dataset, with its coverage. */
    public Release currentRelease(String datasetId) {
        return em.createQuery("select r from Dataset d join d.currentRelease r left join fetch r.coverage "
                        + "where d.id = :id", Release.class)
                .setParameter("id", datasetId).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("dataset", datasetId));
    }

    /** Any release of a dataset by version (draft or published), with its coverage. */
    public Release release(String datasetId, int version) {
        requireDataset(datasetId);
        return em.createQuery("select r from Release r left join fetch r.coverage "
                        + "where r.datasetId = :id and r.version = :version", Release.class)
                .setParameter("id", datasetId).setParameter("version", version)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Dataset '" + datasetId + "' has no release " + version));
    }

    /** A dataset's published releases, newest first. */
    public List<Release> releases(String datasetId) {
        return releases(datasetId, List.of(Release.PUBLISHED));
    }

    /** A dataset's releases with one of these statuses, newest first. */
    public List<Release> releases(String datasetId, List<String> statuses) {
        requireDataset(datasetId);
        return em.createQuery("select r from Release r where r.datasetId = :id and r.status in :statuses "
                        + "order by r.version desc", Release.class)
                .setParameter("id", datasetId).setParameter("statuses", statuses).getResultList();
    }

    /** The newest release of a dataset, draft or published: the base of an edit. */
    public Release headRelease(String datasetId) {
        return em.createQuery("select r from Release r where r.datasetId = :id order by r.version desc", Release.class)
                .setParameter("id", datasetId).setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("dataset", datasetId));
    }

    private void requireDataset(String datasetId) {
        if (em.find(Dataset.class, datasetId) == null) {
            throw new NotFoundException("dataset", datasetId);
        }
    }

    /**
     * The dataset's entity tag, the one {@code GET /api/v1/datasets/{id}} sends and writes must name
     * in If-Match: a function of its current release (which alone determines that representation)
     * and of its newest release (so a new draft also invalidates it). Empty when there is no such dataset.
     */
    public Optional<String> datasetTag(String datasetId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(c.id, 0), coalesce(c.content_hash, ''),
                       (select coalesce(max(r.version), 0) from release r where r.dataset_id = d.id)
                  from dataset d left join release c on c.id = d.current_release_id
                 where d.id = :id
                """).setParameter("id", datasetId).getResultList();
        return rows.stream().findFirst().map(row -> "\"" + ContentHash.sha256(("dataset " + datasetId + " current "
                + row[0] + " " + row[1] + " head " + row[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 32) + "\"");
    }

    /** Release publications after a feed position, in publication order. */
    public List<ReleasePublication> publicationsAfter(long seq, int limit) {
        return em.createQuery("select p from ReleasePublication p where p.seq > :seq order by p.seq", ReleasePublication.class)
                .setParameter("seq", seq).setMaxResults(limit).getResultList();
    }

    /** The feed position of the newest publication, 0 when there is none. */
    public long latestPublication() {
        Long seq = em.createQuery("select max(p.seq) from ReleasePublication p", Long.class).getSingleResult();
        return seq == null ? 0 : seq;
    }

    /** Release publications after a time, in publication order. */
    public List<ReleasePublication> publicationsSince(java.time.OffsetDateTime since, int limit) {
        return em.createQuery("select p from ReleasePublication p where p.publishedAt > :since order by p.seq",
                        ReleasePublication.class)
                .setParameter("since", since).setMaxResults(limit).getResultList();
    }

    /** A release's tables in order, each with its number of variables. */
    public List<TableWithCount> tables(Release release) {
        return em.createQuery("select t, count(v) from DataTable t left join t.variables v "
                        + "where t.release.id = :release group by t order by t.ordinal", Object[].class)
                .setParameter("release", release.id).getResultStream()
                .map(row -> new TableWithCount((DataTable) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    public record TableWithCount(DataTable table, long variableCount) {
    }

    /** One table of a release with its variables and their lookups. */
    public DataTable table(Release release, String tableName) {
        return em.createQuery("select distinct t from DataTable t left join fetch t.variables v "
                        + "left join fetch v.lookupVersion where t.release.id = :release and t.name = :name",
                        DataTable.class)
                .setParameter("release", release.id).setParameter("name", tableName)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Dataset '" + release.datasetId + "' has no table '"
                        + tableName + "'"));
    }

    /**
     * A stamp that changes whenever what the public sees can change: a new release, a dataset
     * pointing at another release, or a new lookup version. Caches of rendered pages key on it.
     */
    public String contentStamp() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select (select coalesce(max(id), 0) from release),
                       (select coalesce(sum(current_release_id), 0) from dataset),
                       (select count(*) from release where status = 'published'),
                       (select coalesce(max(id), 0) from lookup_version)
                """).getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2] + "/" + row[3];
    }

    /** Every table of a release in order, with its variables and their lookup versions (one query). */
    public List<DataTable> tablesWithVariables(Release release) {
        return em.createQuery("select distinct t from DataTable t left join fetch t.variables v "
                        + "left join fetch v.lookupVersion where t.release.id = :release", DataTable.class)
                .setParameter("release", release.id).getResultList().stream()
                .sorted(Comparator.comparingInt(t -> t.ordinal)).toList();
    }

    public Variable variable(DataTable table, String variableName) {
        return table.variables.stream().filter(v -> v.name.equals(variableName)).findFirst()
                .orElseThrow(() -> new NotFoundException("Table '" + table.name + "' of dataset '"
                        + table.release.datasetId + "' has no variable '" + variableName + "'"));
    }

    /** A lookup version with its codes in order. */
    public LookupVersion lookupVersionWithCodes(long id) {
        return em.createQuery("select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id = :id",
                LookupVersion.class).setParameter("id", id).getSingleResult();
    }

    /** Every use of every lookup by a variable of a current release. */
    public List<LookupUse> lookupUses() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select lv.lookup_id, lv.id, d.id as dataset_id, t.name as table_name, v.name as variable_name
                  from dataset d
                  join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id
                  join lookup_version lv on lv.id = v.lookup_version_id
                 order by lv.lookup_id, d.id, t.ordinal, v.ordinal
                """).getResultList();
        return rows.stream().map(row -> new LookupUse((String) row[0], ((Number) row[1]).longValue(),
                (String) row[2], (String) row[3], (String) row[4])).toList();
    }

    /**
     * The version of a lookup that current releases use (the newest one when they differ), with
     * its codes, or empty when no current release uses the lookup.
     */
    public Optional<LookupVersion> currentLookupVersion(String lookupId, List<LookupUse> uses) {
        return uses.stream().filter(use -> use.lookupId().equals(lookupId))
                .map(LookupUse::lookupVersionId).max(Comparator.naturalOrder())
                .map(this::lookupVersionWithCodes);
    }

    /** Code counts of the given lookup versions. */
    public Map<Long, LookupVersion> lookupVersions(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select distinct lv from LookupVersion lv left join fetch lv.codes where lv.id in :ids",
                        LookupVersion.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(lv -> lv.id, Function.identity(), (a, b) -> a));
    }

    /**
     * Variables of current releases matching a full-text query on their name, label and
     * description, or on their lookup's code labels; all variables when there is no query.
     */
    public SearchResult<VariableMatch> searchVariables(Optional<String> text, List<String> datasets, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        if (text.isPresent()) {
            parameters.put("q", text.get());
            sql.append("""
                    with query as (select websearch_to_tsquery('english', :q) as tsq)
                    select v.id, ts_rank(v.search_tsv, query.tsq) + coalesce(codes.score, 0) * 0.5 as score,
                           count(*) over ()
                      from dataset d join data_table t on t.release_id = d.current_release_id
                      join variable v on v.table_id = t.id
                      cross join query
                      left join lateral (select max(ts_rank(c.search_tsv, query.tsq)) as score from lookup_code c
                                          where c.lookup_version_id = v.lookup_version_id
                                            and c.search_tsv @@ query.tsq) codes on true
                     where (v.search_tsv @@ query.tsq or codes.score is not null)
                    """);
        } else {
            sql.append("""
                    select v.id, cast(null as float4), count(*) over ()
                      from dataset d join data_table t on t.release_id = d.current_release_id
                      join variable v on v.table_id = t.id
                     where true
                    """);
        }
        if (!datasets.isEmpty()) {
            sql.append(" and d.id in (:datasets)");
            parameters.put("datasets", datasets);
        }
        sql.append(text.isPresent() ? " order by 2 desc, d.id, t.ordinal, v.ordinal" : " order by d.id, t.ordinal, v.ordinal");
        sql.append(" limit :limit offset :offset");
        parameters.put("limit", page.size());
        parameters.put("offset", page.offset());
        Query query = em.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new SearchResult<>(List.of(), page.offset() == 0 ? 0
                    : searchVariables(text, datasets, new PageRequest(1, 1)).total());
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, Variable> variables = em.createQuery("select v from Variable v join fetch v.table t "
                        + "join fetch t.release left join fetch v.lookupVersion where v.id in :ids", Variable.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity(), (a, b) -> a));
        Map<Long, List<LookupCode>> codes = text.isPresent() ? matchedCodes(text.get(), variables.values()) : Map.of();
        List<SearchResult.Hit<VariableMatch>> hits = new ArrayList<>();
        for (Object[] row : rows) {
            Variable variable = variables.get(((Number) row[0]).longValue());
            List<LookupCode> matched = variable.lookupVersion == null ? List.of()
                    : codes.getOrDefault(variable.lookupVersion.id, List.of());
            hits.add(new SearchResult.Hit<>(new VariableMatch(variable, matched),
                    row[1] == null ? null : ((Number) row[1]).doubleValue()));
        }
        return new SearchResult<>(hits, ((Number) rows.get(0)[2]).longValue());
    }

    /** Up to five best-matching codes per lookup version. */
    private Map<Long, List<LookupCode>> matchedCodes(String text, java.util.Collection<Variable> variables) {
        List<Long> versions = variables.stream().filter(v -> v.lookupVersion != null)
                .map(v -> v.lookupVersion.id).distinct().toList();
        if (versions.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.lookup_version_id, c.id from lookup_code c, websearch_to_tsquery('english', :q) tsq
                 where c.lookup_version_id in (:versions) and c.search_tsv @@ tsq
                 order by c.lookup_version_id, ts_rank(c.search_tsv, tsq) desc, c.ordinal
                """).setParameter("q", text).setParameter("versions", versions).getResultList();
        Map<Long, List<Long>> codeIds = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<Long> ids = codeIds.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>());
            if (ids.size() < 5) {
                ids.add(((Number) row[1]).longValue());
            }
        }
        List<Long> allIds = codeIds.values().stream().flatMap(List::stream).toList();
        if (allIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LookupCode> byId = em.createQuery("select c from LookupCode c where c.id in :ids", LookupCode.class)
                .setParameter("ids", allIds).getResultList().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, List<LookupCode>> result = new HashMap<>();
        codeIds.forEach((version, ids) -> result.put(version, ids.stream().map(byId::get).toList()));
        return result;
    }
}
