package org.datafirst.catalogue.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.datafirst.catalogue.catalogue.CodeHit;
import org.datafirst.catalogue.catalogue.DatasetFilter;
import org.datafirst.catalogue.catalogue.FilterOutcomes;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.SearchResult;
import org.datafirst.catalogue.catalogue.TableHit;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.catalogue.VariableMatch;
import org.datafirst.catalogue.catalogue.diff.Change;
import org.datafirst.catalogue.catalogue.diff.DocumentDiff;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.web.Views.DatasetCard;
import org.datafirst.catalogue.web.Views.Facet;
import org.datafirst.catalogue.web.Views.FilterTag;
import org.datafirst.catalogue.web.Views.Option;
import org.datafirst.catalogue.web.Views.Result;

/** Catalogue data → page view records. Pure functions, no queries. */
public final class PageMapper {

    private PageMapper() {}

    public static DatasetCard card(Release r, String highlight) {
        return new DatasetCard(
                r.datasetId,
                r.title(),
                highlight == null ? Html.escape(r.document.description()) : Html.highlight(highlight),
                r.document.jurisdiction(),
                String.join(", ", r.document.whereHeld()),
                r.document.approvals().isEmpty()
                        ? "Depends on the data requested: see the dataset page"
                        : String.join(", ", r.document.approvals()),
                Format.periods(r.document.coverage()),
                Links.dataset(r.datasetId));
    }

    /**
     * Facet options are the values found in the current releases; selected values stay even if absent. Each option
     * counts the datasets the search would find with that option instead of its facet's choices: the words and the
     * other facets' filters apply (multi-select faceting), so a count never promises results that are not there.
     */
    public static List<Facet> facets(Collection<Release> releases, FilterOutcomes outcomes, SearchForm form) {
        return List.of(
                facet(
                        "jurisdiction",
                        "Jurisdiction",
                        kept(releases, outcomes, DatasetFilter.JURISDICTION),
                        releases,
                        r -> List.of(r.document.jurisdiction()),
                        form.jurisdictions()),
                facet(
                        "whereHeld",
                        "Where it is held",
                        kept(releases, outcomes, DatasetFilter.WHERE_HELD),
                        releases,
                        r -> r.document.whereHeld(),
                        form.whereHeld()),
                facet(
                        "approval",
                        "Approval needed",
                        kept(releases, outcomes, DatasetFilter.APPROVALS),
                        releases,
                        r -> r.document.approvals(),
                        form.approvals()),
                facet(
                        "sourceSystem",
                        "Source system",
                        kept(releases, outcomes, DatasetFilter.SOURCE_SYSTEMS),
                        releases,
                        r -> r.document.sourceSystems(),
                        form.sourceSystems()));
    }

    private static List<Release> kept(Collection<Release> releases, FilterOutcomes outcomes, DatasetFilter facet) {
        return releases.stream().filter(r -> outcomes.keptWithout(r.id, facet)).toList();
    }

    private static Facet facet(
            String parameter,
            String legend,
            List<Release> counted,
            Collection<Release> releases,
            Function<Release, List<String>> values,
            List<String> selected) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        releases.forEach(r -> all.addAll(values.apply(r)));
        all.addAll(selected);
        return new Facet(
                parameter,
                legend,
                all.stream()
                        .map(v -> new Option(
                                v,
                                selected.stream().anyMatch(s -> s.equalsIgnoreCase(v)),
                                counted.stream()
                                        .filter(r -> values.apply(r).stream().anyMatch(x -> covers(x, v)))
                                        .count()))
                        .toList());
    }

    /**
     * Whether a dataset's value counts for a facet option: the same value, or (for jurisdictions) a
     * value naming it, as "England and Wales" names England; the same rule as the search filter.
     */
    static boolean covers(String value, String option) {
        return value.equalsIgnoreCase(option)
                || List.of(value.toLowerCase(java.util.Locale.ROOT).split("\\s*(,|\\sand\\s)\\s*"))
                        .contains(option.toLowerCase(java.util.Locale.ROOT));
    }

    public static List<FilterTag> filterTags(SearchForm form) {
        List<FilterTag> tags = new ArrayList<>();
        form.jurisdictions().forEach(v -> tags.add(new FilterTag(v, form.hrefWithout("jurisdiction", v))));
        form.whereHeld().forEach(v -> tags.add(new FilterTag(v, form.hrefWithout("whereHeld", v))));
        form.approvals().forEach(v -> tags.add(new FilterTag(v, form.hrefWithout("approval", v))));
        form.sourceSystems().forEach(v -> tags.add(new FilterTag(v, form.hrefWithout("sourceSystem", v))));
        if (!form.coverageFrom().isEmpty()) {
            tags.add(
                    new FilterTag("Covers " + form.coverageFrom() + " or later", form.hrefWithout("coverageFrom", "")));
        }
        if (!form.coverageTo().isEmpty()) {
            tags.add(new FilterTag("Covers " + form.coverageTo() + " or earlier", form.hrefWithout("coverageTo", "")));
        }
        return tags;
    }

    public static List<Result> datasetResults(SearchResult<Release> result, Map<Long, String> highlights) {
        return result.hits().stream()
                .map(h -> {
                    Release r = h.item();
                    String highlight = highlights.get(r.id);
                    return new Result(
                            r.title(),
                            Links.dataset(r.datasetId),
                            r.document.jurisdiction() + " · " + Format.periods(r.document.coverage()),
                            highlight == null ? Html.escape(r.document.description()) : Html.highlight(highlight));
                })
                .toList();
    }

    public static List<Result> tableResults(SearchResult<TableHit> result) {
        return result.hits().stream()
                .map(h -> {
                    TableHit t = h.item();
                    return new Result(
                            t.table(),
                            Links.table(t.datasetId(), t.table()),
                            "Table in " + t.datasetTitle() + " · " + t.variableCount() + " variables",
                            Html.highlight(t.highlight()));
                })
                .toList();
    }

    public static List<Result> variableResults(SearchResult<VariableMatch> result) {
        return result.hits().stream()
                .map(h -> {
                    Variable v = h.item().variable();
                    Release r = v.table.release;
                    return new Result(
                            v.name,
                            Links.variable(r.datasetId, v.table.name, v.name),
                            "Variable in " + r.title() + ", table " + v.table.name + " · " + v.dataType,
                            Html.highlight(h.item().highlight()),
                            new VariableList.Entry(r.datasetId, v.table.name, v.name, ""));
                })
                .toList();
    }

    public static List<Result> codeResults(SearchResult<CodeHit> result) {
        return result.hits().stream()
                .map(h -> {
                    CodeHit c = h.item();
                    String uses = String.join(
                            ", ",
                            c.usedIn().stream().map(u -> u.replace('/', '.')).toList());
                    return new Result(
                            "Code " + c.code() + " in " + c.lookupTitle(),
                            Links.lookup(c.lookupId()),
                            "Used by " + (uses.isEmpty() ? "no current variable" : uses),
                            Html.highlight(c.highlight()));
                })
                .toList();
    }

    /** One row per dataset with all its coverage periods, for the timeline charts. */
    public static Charts.TimelineRow timelineRow(String label, Release r) {
        return new Charts.TimelineRow(
                label,
                r.document.coverage().stream()
                        .map(c -> new Charts.Span(c.start(), c.end(), c.linkableUntil()))
                        .toList());
    }

    public static String datasetTimeline(Release r, LocalDate today) {
        return Charts.timeline(
                "coverage-chart",
                "Coverage of " + r.title(),
                "Timeline of the periods this dataset covers: " + Format.periods(r.document.coverage())
                        + linkableNote(r),
                r.document.coverage().stream()
                        .map(c -> new Charts.TimelineRow(
                                shortTitle(c.basis()), List.of(new Charts.Span(c.start(), c.end(), c.linkableUntil()))))
                        .toList(),
                today);
    }

    public static String catalogueTimeline(List<Release> releases, LocalDate today) {
        StringBuilder description = new StringBuilder("Timeline of the coverage periods of every dataset. ");
        releases.forEach(r -> description
                .append(r.title())
                .append(": ")
                .append(Format.periods(r.document.coverage()))
                .append(linkableNote(r))
                .append(". "));
        return Charts.timeline(
                "coverage-chart",
                "Coverage periods of all Data First datasets",
                description.toString().strip(),
                releases.stream()
                        .map(r -> timelineRow(shortTitle(r.title()), r))
                        .toList(),
                today);
    }

    private static String linkableNote(Release r) {
        return r.document.coverage().stream()
                .filter(c -> c.linkableUntil() != null)
                .map(c -> "; linkable to other datasets only until " + Format.date(c.linkableUntil()))
                .findFirst()
                .orElse("");
    }

    /** Titles without the common "MoJ Data First" prefix, so chart labels fit. */
    static String shortTitle(String title) {
        String t = title.replaceFirst("^(Ministry of Justice|MoJ)\\s+Data First[:\\s-]*", "")
                .strip();
        t = t.isEmpty() ? title : Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.length() > 42 ? t.substring(0, 41) + "…" : t;
    }

    public static String citation(Release r, String baseUrl) {
        return r.document.publisher().name() + " (" + r.issued.getYear() + "). " + r.title()
                + ": data dictionary, release " + r.version
                + (r.label() == null ? "" : " (" + r.label() + ")") + ". Data First Catalogue. Issued "
                + Format.date(r.issued)
                + ". " + new Routes(baseUrl).releaseJson(r.datasetId, r.version);
    }

    /** A diff as readable rows: before and after as their text, or compact JSON for structures. */
    public static Views.ChangesView changes(Release to, int from, DocumentDiff diff, String jsonHref) {
        return new Views.ChangesView(
                to,
                from,
                List.of(
                        changeGroup("dataset", "Dataset details", diff.dataset()),
                        changeGroup("coverage", "Coverage", diff.coverage()),
                        changeGroup("tables", "Tables", diff.tables()),
                        changeGroup("variables", "Variables", diff.variables()),
                        changeGroup("lookups", "Code lists", diff.lookups()),
                        changeGroup("codes", "Codes", diff.codes())),
                jsonHref);
    }

    private static Views.ChangeGroup changeGroup(String id, String heading, List<Change> changes) {
        return new Views.ChangeGroup(
                id,
                heading,
                changes.stream()
                        .map(c -> new Views.ChangeRow(
                                c.path().replace("/", " › "),
                                switch (c.kind()) {
                                    case added -> "Added";
                                    case removed -> "Removed";
                                    case changed -> "Changed";
                                },
                                text(c.before()),
                                text(c.after())))
                        .toList());
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.length() > 400 ? text.substring(0, 399) + "…" : text;
    }
}
