package org.datafirst.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.dcat.RdfFormats;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.spreadsheet.LinkageQualitySheet;
import org.datafirst.catalogue.synthetic.SyntheticData;
import org.datafirst.catalogue.synthetic.SyntheticFormat;

/** The website's links, labelled for pages; every address comes from {@link Routes}. */
public final class Links {

    private static final Routes ROUTES = Routes.RELATIVE;

    private Links() {}

    public record Download(String label, String format, String href) {}

    /** A link to another site, with what it is. */
    public record External(String label, String href) {}

    /**
     * Where to apply, as the Data First user guide v8.2 lists them ("Useful contacts and links"): the
     * guidance with the user guide, the Secure Access to Data application form, ONS accreditation, and
     * SAIL Databank for data held there.
     */
    public static List<External> applying(List<String> whereHeld) {
        List<External> links = new java.util.ArrayList<>(
                List.of(
                        new External(
                                "Ministry of Justice: Data First (datasets and user guide), GOV.UK",
                                "https://www.gov.uk/guidance/ministry-of-justice-data-first"),
                        new External(
                                "MoJ and HMCTS application form for Secure Access to Data, GOV.UK",
                                "https://www.gov.uk/government/publications/moj-data-first-application-form-for-secure-access-to-data"),
                        new External(
                                "Becoming an accredited researcher (UK Statistics Authority)",
                                "https://uksa.statisticsauthority.gov.uk/digitaleconomyact-research-statistics/better-useofdata-for-research-information-for-researchers/")));
        if (whereHeld.stream()
                .anyMatch(w -> w.toUpperCase(java.util.Locale.ROOT).contains("SAIL"))) {
            links.add(new External("SAIL Databank", "https://saildatabank.com/"));
        }
        return links;
    }

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

    /** A dataset's downloads; with {@code linkageQuality} (the dataset has a report) also its figures as CSV. */
    public static List<Download> downloads(String id, boolean linkageQuality) {
        List<Download> downloads = new ArrayList<>(List.of(
                new Download("Data dictionary", "XLSX", ROUTES.download(id, null, DownloadFormat.XLSX, null)),
                new Download("Data dictionary", "ODS", ROUTES.download(id, null, DownloadFormat.ODS, null)),
                new Download("Variables", "CSV", ROUTES.download(id, null, DownloadFormat.CSV, "variables"))));
        if (linkageQuality) {
            downloads.add(new Download("Linkage quality figures", "CSV", linkageQualityCsv(id)));
        }
        downloads.add(new Download("Dataset metadata", "JSON", ROUTES.download(id, null, DownloadFormat.JSON, null)));
        downloads.add(new Download("DCAT metadata", "Turtle", ROUTES.datasetRdf(id, "ttl")));
        downloads.add(new Download("HDR UK Gateway metadata", "JSON", ROUTES.gmiDataset(id)));
        return downloads;
    }

    /** The current release's Linkage quality sheet as CSV. */
    public static String linkageQualityCsv(String id) {
        return ROUTES.download(id, null, DownloadFormat.CSV, LinkageQualitySheet.CSV_NAME);
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

    /** The differences between two releases, as a page. */
    public static String changes(String id, int from, int to) {
        return ROUTES.changesPage(id, from, to);
    }

    /** The same differences as JSON, from the releases API. */
    public static String changesJson(String id, int from, int to) {
        return ROUTES.diffJson(id, from, to);
    }

    /** The RDF of a dataset, advertised in the page head. */
    public static List<RdfFormats.Alternate> alternates(String id) {
        return RdfFormats.alternates(id);
    }
}
