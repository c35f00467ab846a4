package org.datafirst.catalogue.catalogue;

import java.util.List;

/** One page of search hits, in rank order, with the total number of hits. */
public record SearchResult<T>(List<Hit<T>> hits, long total) {

    /**
     * Highlighted text marks matches with these private-use characters, so that a page can escape
     * the text first and only then turn the marks into HTML.
     */
    public static final char MARK_START = '\uE000';

    public static final char MARK_END = '\uE001';

    public record Hit<T>(T item, Double score) {}
}
