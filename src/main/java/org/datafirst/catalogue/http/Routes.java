package org.datafirst.catalogue.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Every address the service serves or mints, in one place. {@link #RELATIVE} gives root-relative
 * paths (links inside the service's own answers); {@code new Routes(base)} gives absolute URIs under
 * a public base (see {@link PublicBase}). A dataset's URI ({base}/datasets/{id}) is also its web page
 * and never changes across releases; each release has its own ({base}/datasets/{id}/releases/{n}).
 * Path segments are percent-encoded.
 */
public record Routes(String base) {

    /** Root-relative paths. */
    public static final Routes RELATIVE = new Routes("");

    public Routes {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    // Pages and minted URIs

    public String catalog() {
        return base + "/catalog";
    }

    public String dataset(String id) {
        return base + "/datasets/" + segment(id);
    }

    /** The RDF of a dataset in one format, e.g. /datasets/probation.ttl. */
    public String datasetRdf(String id, String extension) {
        return dataset(id) + "." + extension;
    }

    public String release(String id, int version) {
        return dataset(id) + "/releases/" + version;
    }

    /** A table's place on its dataset's page. */
    public String tablePage(String dataset, String table) {
        return dataset(dataset) + "#table-" + segment(table);
    }

    public String variablePage(String dataset, String table, String variable) {
        return dataset(dataset) + "/tables/" + segment(table) + "/variables/" + segment(variable);
    }

    public String lookup(String lookupId) {
        return base + "/lookups/" + segment(lookupId);
    }

    public String concept(String lookupId, String code) {
        return lookup(lookupId) + "/codes/" + segment(code);
    }

    public String publisher(String name) {
        return base + "/publishers/" + segment(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    public String metric(String name) {
        return base + "/linkage-quality/metrics/" + segment(name);
    }

    public String linkageRun(String runId) {
        return base + "/linkage-quality/runs/" + segment(runId);
    }

    // The REST API

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

    public String variableJson(String id, String table, String variable) {
        return tableJson(id, table) + "/variables/" + segment(variable);
    }

    public String lookupJson(String lookupId) {
        return api() + "/lookups/" + segment(lookupId);
    }

    public String linkageQualityJson(String id) {
        return datasetJson(id) + "/linkage-quality";
    }

    /** The structured differences between two releases. */
    public String diffJson(String id, int from, int to) {
        return datasetJson(id) + "/diff?from=" + from + "&to=" + to;
    }

    /**
     * A dictionary download of the current release (version null) or of one release: the workbook,
     * one sheet as CSV ({@code sheet} names it), or for JSON the dataset itself.
     */
    public String download(String id, Integer version, DownloadFormat format, String sheet) {
        String json = version == null ? datasetJson(id) : releaseJson(id, version);
        return switch (format) {
            case XLSX, ODS -> json + "/dictionary." + format.extension();
            case CSV -> json + "/dictionary/" + segment(sheet) + ".csv";
            case JSON -> json;
        };
    }

    /**
     * Synthetic data of the current release (version null) or of one release: one table as csv or
     * parquet, or with table null the zip of every table.
     */
    public String synthetic(String id, Integer version, String table, String extension) {
        String json = version == null ? datasetJson(id) : releaseJson(id, version);
        return table == null ? json + "/synthetic.zip" : json + "/synthetic/" + segment(table) + "." + extension;
    }

    /** The HDR UK Gateway (GMI) document of a dataset. */
    public String gmiDataset(String id) {
        return api() + "/gmi/datasets/" + segment(id);
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
