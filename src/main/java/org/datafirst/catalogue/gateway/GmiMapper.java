package org.datafirst.catalogue.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.http.Routes;

/** Published datasets → the GMI list. Pure. */
public final class GmiMapper {

    /**
     * The only semantic-version label the GMI list schema accepts: its enum also lists "latest",
     * which its own semver pattern rejects. The puller reads persistentId and version from the list
     * and recognises the schema of the detail document (HDR UK 4.0.0) itself.
     */
    static final String LIST_SCHEMA_LABEL = "2.0.2";

    private GmiMapper() {}

    public static GmiDatasetList list(
            Routes links, List<PublishedDataset> datasets, Map<String, LinkageQualityReport> linkage) {
        List<GmiDataset> items = datasets.stream()
                .map(d -> item(links, d, Optional.ofNullable(linkage.get(d.id()))))
                .toList();
        return new GmiDatasetList(new GmiDatasetList.GmiQuery(items.size(), 0, 0), items);
    }

    static GmiDataset item(Routes links, PublishedDataset dataset, Optional<LinkageQualityReport> linkage) {
        Release current = dataset.current();
        return new GmiDataset(
                LIST_SCHEMA_LABEL,
                "dataset",
                dataset.id(),
                HdrukMapper.limit(current.title(), 80),
                HdrukMapper.limit(current.document.description(), 255),
                HdrukMapper.version(dataset, linkage),
                links.gmiDataset(dataset.id()),
                HdrukMapper.issued(dataset),
                HdrukMapper.issued(dataset),
                current.document.publisher().name());
    }
}
