package org.datafirst.catalogue.gateway;

import java.util.List;

/** The URLs the Gateway documents point at, under the public base. */
public record GatewayLinks(String base) {

    /** Media types of the dictionary downloads (issue 3), listed as the dataset's formats. */
    static final List<String> DICTIONARY_MEDIA_TYPES = List.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.spreadsheet", "text/csv", "application/json");

    public GatewayLinks {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String datasetUri(String id) {
        return base + "/datasets/" + id;
    }

    public String releaseJson(String id, int version) {
        return base + "/api/v1/datasets/" + id + "/releases/" + version;
    }

    /** The detail endpoint the Gateway calls for one dataset (its "self"). */
    public String gmiDataset(String id) {
        return base + "/api/v1/gmi/datasets/" + id;
    }
}
