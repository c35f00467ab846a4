package org.datafirst.catalogue.catalogue;

import java.util.List;

/** One page of published datasets in stable order (by id) and how many there are in all. */
public record PublishedPage(List<PublishedDataset> datasets, long total) {

    public PublishedPage {
        datasets = List.copyOf(datasets);
    }
}
