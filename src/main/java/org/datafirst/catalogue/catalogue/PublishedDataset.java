package org.datafirst.catalogue.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything a harvester is given about one dataset, loaded up front: its current release with
 * coverage, that release's tables with their variables and lookups (codes included), every
 * release of the dataset, oldest first, and every publication (a release becoming current), in
 * order; the last one made the current release current.
 */
public record PublishedDataset(
        String id,
        OffsetDateTime createdAt,
        Release current,
        List<DataTable> tables,
        List<Release> releases,
        List<Publication> publications) {

    /** A release became current at this time. */
    public record Publication(int version, OffsetDateTime at) {}

    public PublishedDataset {
        tables = List.copyOf(tables);
        releases = List.copyOf(releases);
        publications = publications.isEmpty()
                ? List.of(new Publication(current.version, current.createdAt))
                : List.copyOf(publications);
    }

    /** When the current release became current: the last publication. */
    public OffsetDateTime publishedAt() {
        return publications.get(publications.size() - 1).at();
    }

    /** The release that came before the given one, if any. */
    public java.util.Optional<Release> previous(Release release) {
        return releases.stream()
                .filter(r -> r.version < release.version)
                .max(java.util.Comparator.comparingInt(r -> r.version));
    }
}
