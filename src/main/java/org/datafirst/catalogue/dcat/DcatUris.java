package org.datafirst.catalogue.dcat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URIs the catalogue mints, all under one base: a dataset's URI ({base}/datasets/{id}) never
 * changes across releases; each release has its own ({base}/datasets/{id}/releases/{version}).
 */
public record DcatUris(String base) {

    public DcatUris {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String catalog() {
        return base + "/catalog";
    }

    public String dataset(String id) {
        return base + "/datasets/" + segment(id);
    }

    public String release(String id, int version) {
        return dataset(id) + "/releases/" + version;
    }

    public String api() {
        return base + "/api/v1";
    }

    public String apiDescription() {
        return base + "/q/openapi";
    }

    public String datasetJson(String id) {
        return api() + "/datasets/" + segment(id);
    }

    public String releaseJson(String id, int version) {
        return datasetJson(id) + "/releases/" + version;
    }

    public String tableJson(String id, String table) {
        return datasetJson(id) + "/tables/" + segment(table);
    }

    public String lookup(String lookupId) {
        return base + "/lookups/" + segment(lookupId);
    }

    public String concept(String lookupId, String code) {
        return lookup(lookupId) + "/codes/" + segment(code);
    }

    public String publisher(String name) {
        return base + "/publishers/" + segment(name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    public String metric(String name) {
        return base + "/linkage-quality/metrics/" + segment(name);
    }

    public String linkageRun(String runId) {
        return base + "/linkage-quality/runs/" + segment(runId);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
