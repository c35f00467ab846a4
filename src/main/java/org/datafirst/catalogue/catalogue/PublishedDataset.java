package org.datafirst.catalogue.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything a harvester is given about one dataset, loaded up front: its current release with
 * coverage, that release's tables with their variables and lookups (codes included), and every
 * release of the dataset, oldest first.
 */
public record PublishedDataset(
        String id, OffsetDateTime createdAt, Release current, List<DataTable> tables, List<Release> releases) {

    public PublishedDataset {
        tables = List.copyOf(tables);
        releases = List.copyOf(releases);
    }

    /** The release that came before the given one, if any. */
    public java.util.Optional<Release> previous(Release release) {
        return releases.stream()
                .filter(r -> r.version < release.version)
                .max(java.util.Comparator.comparingInt(r -> r.version));
    }
}
