package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a published fact comes from: a document URL or a repository file at a commit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceReference(
        String id, String title, String url, String repo, String path, String commit, String licence) {}
