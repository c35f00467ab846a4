package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A code list, shared (catalogue-sources/lookups) or local to one dataset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LookupDocument(
        String id, String title, String description, Boolean complete, LookupSource source, List<CodeDocument> codes) {

    public LookupDocument {
        complete = Boolean.TRUE.equals(complete);
        codes = DatasetDocument.listOrEmpty(codes);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LookupSource(
            String title, String url, String repo, String path, String commit, String licence, String howObserved) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeDocument(String code, String label, String description) {}
}
