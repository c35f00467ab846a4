package org.datafirst.catalogue.catalogue;

/** The filters of a dataset search ({@link DatasetQuery}); each facet on the search page is one of them. */
public enum DatasetFilter {
    JURISDICTION,
    WHERE_HELD,
    APPROVALS,
    SOURCE_SYSTEMS,
    COVERAGE
}
