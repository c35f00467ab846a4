package org.datafirst.catalogue.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one dataset search decides for every current release: whether it matches the query's words and which of the
 * query's filters it fails. Facet counts come from it as in multi-select faceting: a facet's options are counted
 * with the words and every other facet's filters, so each count is what choosing that option would find.
 */
public record FilterOutcomes(Map<Long, Outcome> byRelease) {

    /** One current release: its dataset, whether the words match it, and the filters it fails. */
    public record Outcome(long releaseId, String datasetId, boolean matchesText, Set<DatasetFilter> failed) {}

    static FilterOutcomes of(List<Outcome> outcomes) {
        return new FilterOutcomes(
                outcomes.stream().collect(Collectors.toUnmodifiableMap(Outcome::releaseId, Function.identity())));
    }

    /** Whether the search keeps this release when one facet's own filter is left out. */
    public boolean keptWithout(long releaseId, DatasetFilter facet) {
        Outcome outcome = byRelease.get(releaseId);
        return outcome != null
                && outcome.matchesText()
                && outcome.failed().stream().allMatch(f -> f == facet);
    }

    /** The datasets every filter keeps, whatever the words (filters restrict tables, variables and codes too). */
    public List<String> datasetsKeptByFilters() {
        return byRelease.values().stream()
                .filter(o -> o.failed().isEmpty())
                .map(Outcome::datasetId)
                .sorted()
                .toList();
    }
}
