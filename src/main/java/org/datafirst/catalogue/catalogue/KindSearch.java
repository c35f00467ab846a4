package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Full-text search of one kind of thing at a time (tables, variables, code values) over current
 * releases, ranked with the tsvector columns of V1__catalogue.sql, with PostgreSQL
 * {@code ts_headline} highlights. Highlighted text marks matches with {@link #MARK_START} and
 * {@link #MARK_END} (private-use characters), so that the page can escape the text first and
 * only then turn the marks into HTML.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class KindSearch {

    public static final char MARK_START = '\uE000';
    public static final char MARK_END = '\uE001';

    private static final String HEADLINE_OPTIONS = "StartSel=" + MARK_START + ", StopSel=" + MARK_END
            + ", MaxWords=30, MinWords=12, ShortWord=2, HighlightAll=false, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static final String QUERY = "with query as (select websearch_to_tsquery('english', :q) as tsq) ";

    @Inject
    EntityManager em;

    /** A table whose name, grain or description matches. */
    public record TableHit(String datasetId, String datasetTitle, String table, String grain, String highlight,
            long variableCount) {
    }

    /** A variable whose name, label or description matches. */
    public record VariableHit(String datasetId, String datasetTitle, String table, String variable, String label,
            String type, String highlight) {
    }

    /** A code value whose label, code or description matches, with the variables that use its lookup. */
    public record CodeHit(String lookupId, String lookupTitle, String code, String highlight, List<String> usedIn) {
    }

    /** Ranked, highlighted release descriptions of the given releases (for dataset hits). */
    public Map<Long, String> datasetHighlights(String text, List<Long> releaseIds) {
        if (releaseIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = rows(QUERY + "select r.id, ts_headline('english', r.description, query.tsq, :options) "
                + "from release r, query where r.id in (:ids)", Map.of("q", text, "ids", releaseIds,
                        "options", HEADLINE_OPTIONS));
        Map<Long, String> result = new HashMap<>();
        rows.forEach(row -> result.put(((Number) row[0]).longValue(), (String) row[1]));
        return result;
    }

    public SearchResult<TableHit> tables(String text, Optional<List<String>> datasets, PageRequest page) {
        Map<String, Object> parameters = parameters(text, datasets, page);
        List<Object[]> rows = rows(QUERY + """
                select d.id, r.title, t.name, t.grain,
                       ts_headline('english', concat_ws(' — ', t.grain, t.description), query.tsq, :options),
                       (select count(*) from variable v where v.table_id = t.id),
                       ts_rank(t.search_tsv, query.tsq), count(*) over ()
                  from dataset d join release r on r.id = d.current_release_id
                  join data_table t on t.release_id = r.id, query
                 where t.search_tsv @@ query.tsq""" + datasetFilter(datasets)
                + " order by 7 desc, d.id, t.ordinal limit :limit offset :offset", parameters);
        return result(rows, 6, 7, row -> new TableHit((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], ((Number) row[5]).longValue()));
    }

    public SearchResult<VariableHit> variables(String text, Optional<List<String>> datasets, PageRequest page) {
        Map<String, Object> parameters = parameters(text, datasets, page);
        List<Object[]> rows = rows(QUERY + """
                select d.id, r.title, t.name, v.name, v.label, v.data_type,
                       ts_headline('english', concat_ws(' — ', v.label, v.description), query.tsq, :options),
                       ts_rank(v.search_tsv, query.tsq), count(*) over ()
                  from dataset d join release r on r.id = d.current_release_id
                  join data_table t on t.release_id = r.id
                  join variable v on v.table_id = t.id, query
                 where v.search_tsv @@ query.tsq""" + datasetFilter(datasets)
                + " order by 8 desc, d.id, t.ordinal, v.ordinal limit :limit offset :offset", parameters);
        return result(rows, 7, 8, row -> new VariableHit((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], (String) row[6]));
    }

    /** Code values of lookups used by current releases; each code once, with where its lookup is used. */
    public SearchResult<CodeHit> codes(String text, Optional<List<String>> datasets, PageRequest page) {
        Map<String, Object> parameters = parameters(text, datasets, page);
        List<Object[]> rows = rows(QUERY + """
                , uses as (
                    select v.lookup_version_id, d.id || '/' || t.name || '/' || v.name as used_in
                      from dataset d join data_table t on t.release_id = d.current_release_id
                      join variable v on v.table_id = t.id
                     where v.lookup_version_id is not null""" + datasetFilter(datasets) + """
                )
                select lv.lookup_id, lv.title, c.code,
                       ts_headline('english', concat_ws(' — ', c.label, c.description), query.tsq, :options),
                       (select string_agg(distinct u.used_in, ',') from uses u where u.lookup_version_id = lv.id),
                       ts_rank(c.search_tsv, query.tsq), count(*) over ()
                  from lookup_version lv join lookup_code c on c.lookup_version_id = lv.id, query
                 where c.search_tsv @@ query.tsq
                   and lv.id in (select lookup_version_id from uses)
                 order by 6 desc, lv.lookup_id, c.ordinal limit :limit offset :offset""", parameters);
        return result(rows, 5, 6, row -> new CodeHit((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], row[4] == null ? List.of() : List.of(((String) row[4]).split(","))));
    }

    /** A variable of a current release: where a variable name is used across datasets. */
    public record VariablePlace(String datasetId, String datasetTitle, String table, String variable) {
    }

    /** Variables of current releases with exactly this name, in dataset and table order. */
    public List<VariablePlace> variablesNamed(String name) {
        return rows("""
                select d.id, r.title, t.name, v.name
                  from dataset d join release r on r.id = d.current_release_id
                  join data_table t on t.release_id = r.id
                  join variable v on v.table_id = t.id
                 where v.name = :name order by d.id, t.ordinal""", Map.of("name", name)).stream()
                .map(row -> new VariablePlace((String) row[0], (String) row[1], (String) row[2], (String) row[3]))
                .toList();
    }

    private static Map<String, Object> parameters(String text, Optional<List<String>> datasets, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("q", text);
        parameters.put("options", HEADLINE_OPTIONS);
        parameters.put("limit", page.size());
        parameters.put("offset", page.offset());
        datasets.ifPresent(ids -> parameters.put("datasets", ids.isEmpty() ? List.of("") : ids));
        return parameters;
    }

    private static String datasetFilter(Optional<List<String>> datasets) {
        return datasets.isPresent() ? " and d.id in (:datasets)" : "";
    }

    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        Query query = em.createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static <T> SearchResult<T> result(List<Object[]> rows, int scoreColumn, int totalColumn,
            java.util.function.Function<Object[], T> item) {
        List<SearchResult.Hit<T>> hits = rows.stream()
                .map(row -> new SearchResult.Hit<>(item.apply(row), ((Number) row[scoreColumn]).doubleValue()))
                .toList();
        return new SearchResult<>(hits, rows.isEmpty() ? 0 : ((Number) rows.get(0)[totalColumn]).longValue());
    }
}
