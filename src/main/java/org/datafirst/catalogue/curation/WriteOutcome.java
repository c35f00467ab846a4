package org.datafirst.catalogue.curation;

import org.datafirst.catalogue.catalogue.Release;

/**
 * What a write did: the release it made (or the unchanged newest one), whether it is new, and the
 * dataset's entity tag afterwards (for the next If-Match).
 */
public record WriteOutcome(Release release, boolean created, String tag) {}
