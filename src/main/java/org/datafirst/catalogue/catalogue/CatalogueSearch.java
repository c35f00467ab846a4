package org.datafirst.catalogue.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datafirst.catalogue.http.PageRequest;

/**
 * The one search of the catalogue: datasets, tables, variables and code values of current
 * releases, ranked with the tsvector columns of V1__catalogue.sql. Every kind follows the same
 * rules: a page past the end is empty and still carries the total; a dataset restriction, when
 * given, keeps hits of those datasets only (an empty one keeps none); highlights come from
 * PostgreSQL {@code ts_headline} and mark matches with {@link SearchResult#MARK_START} and
 * {@link SearchResult#MARK_END}
 * (private-use characters), so that a page can escape the text first and only then turn the marks
 * into HTML. A variable matches on its name, label and description or on a code label of its lookup;
 * variables and tables also match when every word of the query is part of their name
 * ({@link NamePart}: {@code birth} finds {@code yearofbirth_spr*}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueSearch {

    private static final String HEADLINE_OPTIONS = "StartSel=" + SearchResult.MARK_START + ", StopSel="
            + SearchResult.MARK_END
            + ", MaxWords=30, MinWords=12, ShortWord=2, HighlightAll=false, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static final String QUERY = "with query as (select websearch_to_tsquery('english', :q) as tsq) ";

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
                select t.release_id, (ts_rank(v.search_tsv, query.tsq) + %1$s) * 0.4
                  from dataset d join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id, query
                 where (v.search_tsv @@ query.tsq or %2$s)
                union all
                select t.release_id, ts_rank(c.search_tsv, query.tsq) * 0.2
                  from dataset d join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id
                  join lookup_code c on c.lookup_version_id = v.lookup_version_id, query
                 where c.search_tsv @@ query.tsq
            ),
            scores as (select release_id, sum(score) as score from hits group by release_id)
            """.formatted(NamePart.score("v.name"), NamePart.matches("v.name"));

    /**
     * The text of a dataset that search matches (V5_15's search_tsv), description first, for the
     * highlight: a dataset found by a word in its notes or approvals shows that word.
     */
    private static final String DATASET_TEXT = "concat_ws(' … ', r.document ->> 'description', "
            + "r.document ->> 'notes', r.document ->> 'linkageNotes', r.document ->> 'approvalNotes', "
            + "r.document ->> 'accessRoute', r.document ->> 'whereHeldNotes', r.document ->> 'dictionaryCompleteness', "
            + "(select string_agg(e, ', ') from jsonb_array_elements_text(coalesce(r.document -> 'approvals', '[]')"
            + " || coalesce(r.document -> 'whereHeld', '[]') || coalesce(r.document -> 'sourceSystems', '[]')"
            + " || coalesce(r.document -> 'keywords', '[]') || coalesce(r.document -> 'keyVariables', '[]')"
            + " || coalesce(r.document -> 'limitations', '[]') || coalesce(r.document -> 'researchAreas', '[]')) e))";

    @Inject
    EntityManager em;

    @Inject
    ReleaseQueries releases;

    /** Current releases matching the query and its filters: ranked with a query, by title without. */
    public SearchResult<Release> datasets(DatasetQuery query, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        boolean ranked = scoreHits(query, sql, parameters);
        sql.append("select r.id, ")
                .append(ranked ? "s.score" : "cast(null as float4)")
                .append(", count(*) over () from dataset d join release r on r.id = d.current_release_id ");
        if (ranked) {
            sql.append("join scores s on s.release_id = r.id ");
        }
        sql.append("where true ");
        filters(query, parameters)
                .values()
                .forEach(condition -> sql.append("and ").append(condition).append(' '));
        sql.append(ranked ? "order by s.score desc, lower(r.title), d.id" : "order by lower(r.title), d.id");
        return page(sql.toString(), parameters, page, 1, 2, rows -> {
            Map<Long, Release> found = releases.releases(ids(rows));
            return rows.stream()
                    .map(row -> found.get(((Number) row[0]).longValue()))
                    .toList();
        });
    }

    /**
     * For every current release: whether the query's words match it and which of the query's filters it fails, from
     * the same scoring and the same filter conditions as {@link #datasets}.
     */
    public FilterOutcomes filterOutcomes(DatasetQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        boolean ranked = scoreHits(query, sql, parameters);
        Map<DatasetFilter, String> filters = filters(query, parameters);
        sql.append("select r.id, d.id, ").append(ranked ? "s.release_id is not null" : "true");
        filters.values().forEach(condition -> sql.append(", ").append(condition));
        sql.append(" from dataset d join release r on r.id = d.current_release_id ");
        if (ranked) {
            sql.append("left join scores s on s.release_id = r.id");
        }
        List<DatasetFilter> asked = List.copyOf(filters.keySet());
        return FilterOutcomes.of(rows(sql.toString(), parameters).stream()
                .map(row -> {
                    Set<DatasetFilter> failed = EnumSet.noneOf(DatasetFilter.class);
                    for (int i = 0; i < asked.size(); i++) {
                        if (!Boolean.TRUE.equals(row[3 + i])) {
                            failed.add(asked.get(i));
                        }
                    }
                    return new FilterOutcomes.Outcome(
                            ((Number) row[0]).longValue(), (String) row[1], Boolean.TRUE.equals(row[2]), failed);
                })
                .toList());
    }

    /** With words in the query: starts the SQL with the scored hits ({@code scores}) and binds the words. */
    private static boolean scoreHits(DatasetQuery query, StringBuilder sql, Map<String, Object> parameters) {
        query.text().ifPresent(text -> {
            sql.append(SCORED_HITS);
            parameters.put("q", text);
            parameters.put("parts", NamePart.parameter(text));
        });
        return query.text().isPresent();
    }

    /** The query's filters as SQL conditions on the release {@code r}, only those it asks for. */
    private static Map<DatasetFilter, String> filters(DatasetQuery query, Map<String, Object> parameters) {
        Map<DatasetFilter, String> filters = new EnumMap<>(DatasetFilter.class);
        if (!query.jurisdictions().isEmpty()) {
            // "England" also keeps datasets of "England and Wales": a jurisdiction matches itself and each nation it
            // names.
            filters.put(
                    DatasetFilter.JURISDICTION,
                    "(lower(r.jurisdiction) in (:jurisdictions) or exists (select 1 from "
                            + "regexp_split_to_table(lower(r.jurisdiction), '\\s*(,|\\sand\\s)\\s*') nation "
                            + "where nation in (:jurisdictions)))");
            parameters.put("jurisdictions", lower(query.jurisdictions()));
        }
        anyOf(filters, DatasetFilter.WHERE_HELD, parameters, "where_held", "whereHeld", query.whereHeld());
        anyOf(filters, DatasetFilter.APPROVALS, parameters, "approvals", "approvals", query.approvals());
        anyOf(
                filters,
                DatasetFilter.SOURCE_SYSTEMS,
                parameters,
                "source_systems",
                "sourceSystems",
                query.sourceSystems());
        if (query.coverageFrom().isPresent() || query.coverageTo().isPresent()) {
            filters.put(
                    DatasetFilter.COVERAGE,
                    "exists (select 1 from coverage_period c where c.release_id = r.id "
                            + "and c.start_date <= :coverageEnd and coalesce(c.end_date, 'infinity'::date) >= :coverageStart)");
            parameters.put("coverageStart", LocalDate.of(query.coverageFrom().orElse(1), 1, 1));
            parameters.put("coverageEnd", LocalDate.of(query.coverageTo().orElse(9999), 12, 31));
        }
        return filters;
    }

    /** A release's list column holding any of the values (case-insensitive). */
    private static void anyOf(
            Map<DatasetFilter, String> filters,
            DatasetFilter filter,
            Map<String, Object> parameters,
            String column,
            String name,
            List<String> values) {
        if (!values.isEmpty()) {
            filters.put(
                    filter,
                    "exists (select 1 from jsonb_array_elements_text(r." + column + ") e where lower(e) in (:" + name
                            + "))");
            parameters.put(name, lower(values));
        }
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(String::toLowerCase).toList();
    }

    /** Highlighted descriptions of the given releases (for dataset hits), by release id. */
    public Map<Long, String> datasetHighlights(String text, List<Long> releaseIds) {
        if (releaseIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = rows(
                QUERY + "select r.id, ts_headline('english', " + DATASET_TEXT + ", query.tsq, :options) "
                        + "from release r, query where r.id in (:ids)",
                Map.of("q", text, "ids", releaseIds, "options", HEADLINE_OPTIONS));
        Map<Long, String> result = new HashMap<>();
        rows.forEach(row -> result.put(((Number) row[0]).longValue(), (String) row[1]));
        return result;
    }

    public SearchResult<TableHit> tables(String text, Optional<List<String>> datasets, PageRequest page) {
        String sql = QUERY + """
                select d.id, r.title, t.name, t.grain,
                       ts_headline('english', concat_ws(' — ', t.grain, t.description), query.tsq, :options),
                       (select count(*) from variable v where v.table_id = t.id),
                       ts_rank(t.search_tsv, query.tsq) + %s, count(*) over ()
                  from dataset d join release r on r.id = d.current_release_id
                  join data_table t on t.release_id = r.id, query
                 where (t.search_tsv @@ query.tsq or %s)""".formatted(NamePart.score("t.name"), NamePart.matches("t.name"))
                + datasetFilter(datasets) + " order by 7 desc, d.id, t.ordinal";
        return page(
                sql,
                parameters(Optional.of(text), datasets),
                page,
                6,
                7,
                rows -> rows.stream()
                        .map(row -> new TableHit(
                                (String) row[0],
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                (String) row[4],
                                ((Number) row[5]).longValue()))
                        .toList());
    }

    /**
     * Variables of current releases matching a full-text query on their name, label and
     * description, or on their lookup's code labels (up to five matching codes come with each);
     * every variable in dataset and table order when there is no query.
     */
    public SearchResult<VariableMatch> variables(
            Optional<String> text, Optional<List<String>> datasets, PageRequest page) {
        String sql = text.isPresent()
                ? QUERY + """
                select v.id, ts_rank(v.search_tsv, query.tsq) + coalesce(codes.score, 0) * 0.5 + %s,
                       ts_headline('english', concat_ws(' — ', v.label, v.description), query.tsq, :options),
                       count(*) over ()
                  from dataset d join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id
                  cross join query
                  left join lateral (select max(ts_rank(c.search_tsv, query.tsq)) as score from lookup_code c
                                      where c.lookup_version_id = v.lookup_version_id
                                        and c.search_tsv @@ query.tsq) codes on true
                 where (v.search_tsv @@ query.tsq or codes.score is not null or %s)""".formatted(NamePart.score("v.name"), NamePart.matches("v.name"))
                        + datasetFilter(datasets) + " order by 2 desc, d.id, t.ordinal, v.ordinal"
                : """
                select v.id, cast(null as float4), cast(null as text), count(*) over ()
                  from dataset d join data_table t on t.release_id = d.current_release_id
                  join variable v on v.table_id = t.id
                 where true""" + datasetFilter(datasets) + " order by d.id, t.ordinal, v.ordinal";
        return page(sql, parameters(text, datasets), page, 1, 3, rows -> {
            Map<Long, Variable> variables = em
                    .createQuery(
                            "select v from Variable v join fetch v.table t "
                                    + "join fetch t.release left join fetch v.lookupVersion where v.id in :ids",
                            Variable.class)
                    .setParameter("ids", ids(rows))
                    .getResultList()
                    .stream()
                    .collect(Collectors.toMap(v -> v.id, Function.identity(), (a, b) -> a));
            Map<Long, List<LookupCode>> codes =
                    text.map(q -> matchedCodes(q, variables.values())).orElse(Map.of());
            return rows.stream()
                    .map(row -> {
                        Variable variable = variables.get(((Number) row[0]).longValue());
                        List<LookupCode> matched = variable.lookupVersion == null
                                ? List.of()
                                : codes.getOrDefault(variable.lookupVersion.id, List.of());
                        return new VariableMatch(variable, matched, (String) row[2]);
                    })
                    .toList();
        });
    }

    /** Up to five best-matching codes per lookup version. */
    private Map<Long, List<LookupCode>> matchedCodes(String text, Collection<Variable> variables) {
        List<Long> versions = variables.stream()
                .filter(v -> v.lookupVersion != null)
                .map(v -> v.lookupVersion.id)
                .distinct()
                .toList();
        if (versions.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = rows("""
                select c.lookup_version_id, c.id from lookup_code c, websearch_to_tsquery('english', :q) tsq
                 where c.lookup_version_id in (:versions) and c.search_tsv @@ tsq
                 order by c.lookup_version_id, ts_rank(c.search_tsv, tsq) desc, c.ordinal
                """, Map.of("q", text, "versions", versions));
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
        Map<Long, LookupCode> byId = em
                .createQuery("select c from LookupCode c where c.id in :ids", LookupCode.class)
                .setParameter("ids", allIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, List<LookupCode>> result = new HashMap<>();
        codeIds.forEach((version, ids) ->
                result.put(version, ids.stream().map(byId::get).toList()));
        return result;
    }

    /** Code values of lookups used by current releases; each code once, with where its lookup is used. */
    public SearchResult<CodeHit> codes(String text, Optional<List<String>> datasets, PageRequest page) {
        String sql = QUERY + """
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
                 order by 6 desc, lv.lookup_id, c.ordinal""";
        return page(
                sql,
                parameters(Optional.of(text), datasets),
                page,
                5,
                6,
                rows -> rows.stream()
                        .map(row -> new CodeHit(
                                (String) row[0],
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                row[4] == null ? List.of() : List.of(((String) row[4]).split(","))))
                        .toList());
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

    private static Map<String, Object> parameters(Optional<String> text, Optional<List<String>> datasets) {
        Map<String, Object> parameters = new HashMap<>();
        text.ifPresent(q -> {
            parameters.put("q", q);
            parameters.put("parts", NamePart.parameter(q));
        });
        parameters.put("options", HEADLINE_OPTIONS);
        datasets.ifPresent(ids -> parameters.put("datasets", ids.isEmpty() ? List.of("") : ids));
        return parameters;
    }

    private static String datasetFilter(Optional<List<String>> datasets) {
        return datasets.isPresent() ? " and d.id in (:datasets)" : "";
    }

    /**
     * One page of a ranked query whose rows carry a score (or null) and the window total. Past the
     * end the window total is unavailable; the first row of the same query carries it.
     */
    private <T> SearchResult<T> page(
            String sql,
            Map<String, Object> parameters,
            PageRequest page,
            int scoreColumn,
            int totalColumn,
            Function<List<Object[]>, List<T>> items) {
        Map<String, Object> paged = new HashMap<>(parameters);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        String limited = sql + " limit :limit offset :offset";
        List<Object[]> rows = rows(limited, paged);
        if (rows.isEmpty()) {
            if (page.offset() == 0) {
                return new SearchResult<>(List.of(), 0);
            }
            paged.put("limit", 1);
            paged.put("offset", 0);
            List<Object[]> first = rows(limited, paged);
            return new SearchResult<>(
                    List.of(), first.isEmpty() ? 0 : ((Number) first.get(0)[totalColumn]).longValue());
        }
        List<T> found = items.apply(rows);
        List<SearchResult.Hit<T>> hits = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object score = rows.get(i)[scoreColumn];
            hits.add(new SearchResult.Hit<>(found.get(i), score == null ? null : ((Number) score).doubleValue()));
        }
        return new SearchResult<>(hits, ((Number) rows.get(0)[totalColumn]).longValue());
    }

    private static List<Long> ids(List<Object[]> rows) {
        return rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
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
}
