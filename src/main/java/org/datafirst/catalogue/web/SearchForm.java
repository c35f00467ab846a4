package org.datafirst.catalogue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.DatasetQuery;

/**
 * The search page's query string, parsed leniently: a page must always render, so bad values are
 * reported on the page (errors, each naming its field) and ignored instead of failing the request;
 * what was typed stays in the form ({@code typedFrom}, {@code typedTo}).
 */
public record SearchForm(
        String q,
        String kind,
        List<String> jurisdictions,
        List<String> whereHeld,
        List<String> approvals,
        List<String> sourceSystems,
        String coverageFrom,
        String coverageTo,
        int page,
        List<FieldError> errors,
        String typedFrom,
        String typedTo) {

    /** A bad value, with the id of the input it came from (the error summary links to it). */
    public record FieldError(String field, String message) {}

    /** A query parameter carried by a form as a hidden input. */
    public record Hidden(String name, String value) {}

    public static final List<String> KINDS = List.of("datasets", "tables", "variables", "codes");

    public static SearchForm parse(
            String q,
            String kind,
            List<String> jurisdictions,
            List<String> whereHeld,
            List<String> approvals,
            List<String> sourceSystems,
            String coverageFrom,
            String coverageTo,
            String page) {
        List<FieldError> errors = new ArrayList<>();
        String from = year(coverageFrom, "coverageFrom", "Coverage from", errors);
        String to = year(coverageTo, "coverageTo", "Coverage to", errors);
        if (!from.isEmpty() && !to.isEmpty() && Integer.parseInt(from) > Integer.parseInt(to)) {
            errors.add(new FieldError("coverageTo", "Coverage to must be the same as or after coverage from"));
            to = "";
        }
        int number = 1;
        try {
            number = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            number = 1;
        }
        return new SearchForm(
                q == null ? "" : q.strip(),
                kind != null && KINDS.contains(kind) ? kind : "",
                clean(jurisdictions),
                clean(whereHeld),
                clean(approvals),
                clean(sourceSystems),
                from,
                to,
                number,
                List.copyOf(errors),
                typed(coverageFrom),
                typed(coverageTo));
    }

    private static String year(String value, String field, String label, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = value.strip();
        if (!v.matches("\\d{4}")) {
            errors.add(new FieldError(field, label + " must be a year, like 2015"));
            return "";
        }
        return v;
    }

    /** What was typed, shortened so a page never repeats a huge value. */
    private static String typed(String value) {
        String v = value == null ? "" : value.strip();
        return v.length() > 20 ? v.substring(0, 20) : v;
    }

    /** The errors of one input. */
    public List<FieldError> errorsOf(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).toList();
    }

    /** The filters as hidden inputs, so a new query from the search box keeps them. */
    public List<Hidden> hiddenFilters() {
        List<Hidden> hidden = new ArrayList<>();
        jurisdictions.forEach(v -> hidden.add(new Hidden("jurisdiction", v)));
        whereHeld.forEach(v -> hidden.add(new Hidden("whereHeld", v)));
        approvals.forEach(v -> hidden.add(new Hidden("approval", v)));
        sourceSystems.forEach(v -> hidden.add(new Hidden("sourceSystem", v)));
        if (!coverageFrom.isEmpty()) {
            hidden.add(new Hidden("coverageFrom", coverageFrom));
        }
        if (!coverageTo.isEmpty()) {
            hidden.add(new Hidden("coverageTo", coverageTo));
        }
        return hidden;
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    public boolean hasText() {
        return !q.isEmpty();
    }

    public boolean hasFilters() {
        return !jurisdictions.isEmpty()
                || !whereHeld.isEmpty()
                || !approvals.isEmpty()
                || !sourceSystems.isEmpty()
                || !coverageFrom.isEmpty()
                || !coverageTo.isEmpty();
    }

    public DatasetQuery datasetQuery(boolean withText) {
        return new DatasetQuery(
                withText && hasText() ? Optional.of(q) : Optional.empty(),
                jurisdictions,
                whereHeld,
                approvals,
                sourceSystems,
                coverageFrom.isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(coverageFrom)),
                coverageTo.isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(coverageTo)));
    }

    /** This search as a link, with another kind and page. */
    public String href(String otherKind, int otherPage) {
        return new SearchForm(
                        q,
                        otherKind,
                        jurisdictions,
                        whereHeld,
                        approvals,
                        sourceSystems,
                        coverageFrom,
                        coverageTo,
                        otherPage,
                        errors,
                        typedFrom,
                        typedTo)
                .href();
    }

    public String allKindsHref() {
        return href("", 1);
    }

    /** This search without one filter value (for the "remove filter" tags). */
    public String hrefWithout(String parameter, String value) {
        return new SearchForm(
                        q,
                        kind,
                        without(jurisdictions, "jurisdiction", parameter, value),
                        without(whereHeld, "whereHeld", parameter, value),
                        without(approvals, "approval", parameter, value),
                        without(sourceSystems, "sourceSystem", parameter, value),
                        "coverageFrom".equals(parameter) ? "" : coverageFrom,
                        "coverageTo".equals(parameter) ? "" : coverageTo,
                        1,
                        errors,
                        typedFrom,
                        typedTo)
                .href();
    }

    /** The same words without any filter. */
    public String hrefWithoutFilters() {
        return new SearchForm(q, kind, List.of(), List.of(), List.of(), List.of(), "", "", 1, List.of(), "", "").href();
    }

    private static List<String> without(List<String> values, String name, String parameter, String value) {
        return name.equals(parameter)
                ? values.stream().filter(v -> !v.equals(value)).toList()
                : values;
    }

    public String href() {
        StringBuilder query = new StringBuilder();
        add(query, "q", q);
        jurisdictions.forEach(v -> add(query, "jurisdiction", v));
        whereHeld.forEach(v -> add(query, "whereHeld", v));
        approvals.forEach(v -> add(query, "approval", v));
        sourceSystems.forEach(v -> add(query, "sourceSystem", v));
        add(query, "coverageFrom", coverageFrom);
        add(query, "coverageTo", coverageTo);
        add(query, "kind", kind);
        if (page > 1) {
            add(query, "page", String.valueOf(page));
        }
        return "/search" + (query.length() == 0 ? "" : "?" + query);
    }

    private static void add(StringBuilder query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.append(query.length() == 0 ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
