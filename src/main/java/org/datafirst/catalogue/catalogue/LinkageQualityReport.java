package org.datafirst.catalogue.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/** A stored report: attached to the dataset's release current when it arrived, with its groups. */
public record LinkageQualityReport(
        long id, String datasetId, int releaseVersion, OffsetDateTime receivedAt, List<Group> groups, JsonNode report) {

    public record Group(String sourceDataset, String role) {}
}
