package org.datafirst.catalogue.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * A dataset search: optional full-text query and facet filters. Values within one facet are
 * alternatives (OR); different facets all apply (AND). Coverage filters keep datasets with a
 * coverage period overlapping the years [coverageFrom, coverageTo].
 */
public record DatasetQuery(
        Optional<String> text,
        List<String> jurisdictions,
        List<String> whereHeld,
        List<String> approvals,
        List<String> sourceSystems,
        Optional<Integer> coverageFrom,
        Optional<Integer> coverageTo) {

    public static DatasetQuery all() {
        return new DatasetQuery(
                Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }
}
