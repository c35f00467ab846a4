package org.datafirst.catalogue.curation;

import java.util.Optional;
import org.datafirst.catalogue.http.EntityTags;

/**
 * A write's conditional headers: If-Match (the dataset's current entity tag, or *) and
 * If-None-Match: * (create only). Evaluated under the release lock, against committed state.
 */
public record Precondition(Optional<String> ifMatch, boolean createOnly) {

    public static Precondition of(String ifMatch, String ifNoneMatch) {
        return new Precondition(
                Optional.ofNullable(ifMatch).filter(v -> !v.isBlank()),
                ifNoneMatch != null && ifNoneMatch.trim().equals("*"));
    }

    /** If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak tag never matches. */
    boolean matches(String currentTag) {
        return ifMatch.map(header -> EntityTags.strongMatch(header, currentTag)).orElse(false);
    }
}
