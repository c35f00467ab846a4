package org.datafirst.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.dcat.RdfFormats;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.synthetic.SyntheticData;
import org.datafirst.catalogue.synthetic.SyntheticFormat;

/** The website's links, labelled for pages; every address comes from {@link Routes}. */
public final class Links {

    private static final Routes ROUTES = Routes.RELATIVE;

    private Links() {}

    public record Download(String label, String format, String href) {}

    public static String dataset(String id) {
        return ROUTES.dataset(id);
    }

    public static String table(String dataset, String table) {
        return ROUTES.tablePage(dataset, table);
    }

    public static String variable(String dataset, String table, String variable) {
        return ROUTES.variablePage(dataset, table, variable);
    }

    public static String lookup(String id) {
        return ROUTES.lookup(id);
    }

    public static List<Download> downloads(String id) {
        return List.of(
                new Download("Data dictionary", "XLSX", ROUTES.download(id, null, DownloadFormat.XLSX, null)),
                new Download("Data dictionary", "ODS", ROUTES.download(id, null, DownloadFormat.ODS, null)),
                new Download("Variables", "CSV", ROUTES.download(id, null, DownloadFormat.CSV, "variables")),
                new Download("Dataset metadata", "JSON", ROUTES.download(id, null, DownloadFormat.JSON, null)),
                new Download("DCAT metadata", "Turtle", ROUTES.datasetRdf(id, "ttl")),
                new Download("HDR UK Gateway metadata", "JSON", ROUTES.gmiDataset(id)));
    }

    public static List<Download> releaseDownloads(String id, int version) {
        return List.of(
                new Download("Data dictionary", "XLSX", ROUTES.download(id, version, DownloadFormat.XLSX, null)),
                new Download("Data dictionary", "ODS", ROUTES.download(id, version, DownloadFormat.ODS, null)),
                new Download("Release metadata", "JSON", ROUTES.download(id, version, DownloadFormat.JSON, null)));
    }

    /** Synthetic data of a dataset's current release: every table in a zip, then each table as CSV and Parquet. */
    public static List<Download> synthetic(String id, DatasetDocument dictionary) {
        List<String> tables = SyntheticData.tables(dictionary);
        if (tables.isEmpty()) {
            return List.of();
        }
        List<Download> downloads = new ArrayList<>();
        downloads.add(new Download("Every table, with a README", "ZIP", ROUTES.synthetic(id, null, null, null)));
        for (String table : tables) {
            for (SyntheticFormat format : List.of(SyntheticFormat.CSV, SyntheticFormat.PARQUET)) {
                downloads.add(new Download(
                        "Table " + table, format.label(), ROUTES.synthetic(id, null, table, format.extension())));
            }
        }
        return downloads;
    }

    /** The structured differences between two releases (JSON, from the releases API). */
    public static String changes(String id, int from, int to) {
        return ROUTES.diffJson(id, from, to);
    }

    /** The RDF of a dataset, advertised in the page head. */
    public static List<RdfFormats.Alternate> alternates(String id) {
        return RdfFormats.alternates(id);
    }
}
