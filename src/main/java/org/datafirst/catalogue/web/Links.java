package org.datafirst.catalogue.web;

import java.util.List;

/**
 * Addresses of the website's pages and of the downloads other parts of the service publish. The
 * download URLs are agreed with the spreadsheet (issue 3), DCAT and HDR UK (issue 4) work.
 */
public final class Links {

    /** HDR UK Gateway (GMI) dataset document; see issue 4. */
    public static final String HDRUK_DATASET = "/api/v1/gmi/datasets/";

    private Links() {
    }

    public record Download(String label, String format, String href) {
    }

    /** An alternate RDF representation advertised in the page head. */
    public record Alternate(String type, String href) {
    }

    public static String dataset(String id) {
        return "/datasets/" + id;
    }

    public static String table(String dataset, String table) {
        return dataset(dataset) + "#table-" + table;
    }

    public static String variable(String dataset, String table, String variable) {
        return dataset(dataset) + "/tables/" + table + "/variables/" + variable;
    }

    public static String lookup(String id) {
        return "/lookups/" + id;
    }

    public static List<Download> downloads(String id) {
        String api = "/api/v1/datasets/" + id;
        return List.of(
                new Download("Data dictionary", "XLSX", api + "/dictionary.xlsx"),
                new Download("Data dictionary", "ODS", api + "/dictionary.ods"),
                new Download("Variables", "CSV", api + "/dictionary/variables.csv"),
                new Download("Dataset metadata", "JSON", api),
                new Download("DCAT metadata", "Turtle", dataset(id) + ".ttl"),
                new Download("HDR UK Gateway metadata", "JSON", HDRUK_DATASET + id));
    }

    public static List<Download> releaseDownloads(String id, int version) {
        String api = "/api/v1/datasets/" + id + "/releases/" + version;
        return List.of(new Download("Data dictionary", "XLSX", api + "/dictionary.xlsx"),
                new Download("Data dictionary", "ODS", api + "/dictionary.ods"),
                new Download("Release metadata", "JSON", api));
    }

    /** The structured differences between two releases (JSON, from the releases API). */
    public static String changes(String id, int from, int to) {
        return "/api/v1/datasets/" + id + "/diff?from=" + from + "&to=" + to;
    }

    public static List<Alternate> alternates(String id) {
        return List.of(new Alternate("text/turtle", dataset(id) + ".ttl"),
                new Alternate("application/ld+json", dataset(id) + ".jsonld"),
                new Alternate("application/rdf+xml", dataset(id) + ".rdf"),
                new Alternate("application/n-triples", dataset(id) + ".nt"));
    }
}
