package org.datafirst.catalogue.catalogue.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference between two documents. {@code path} names the thing, e.g. {@code title},
 * {@code tables/delius_flatfile}, {@code tables/delius_flatfile/variables/gender/description},
 * {@code lookups/gender/codes/F}; before/after are absent for added/removed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String path, Kind kind, JsonNode before, JsonNode after) {

    public enum Kind {
        added,
        removed,
        changed
    }
}
