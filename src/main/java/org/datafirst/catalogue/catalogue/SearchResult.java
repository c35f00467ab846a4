package org.datafirst.catalogue.catalogue;

import java.util.List;

/** One page of search hits, in rank order, with the total number of hits. */
public record SearchResult<T>(List<Hit<T>> hits, long total) {

    public record Hit<T>(T item, Double score) {
    }
}
