package org.datafirst.catalogue.synthetic;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The files synthetic data comes in: one table as CSV or Parquet, or a dataset's tables as a zip. */
public enum SyntheticFormat {
    CSV("csv", "CSV", "text/csv"),
    PARQUET("parquet", "Parquet", "application/vnd.apache.parquet"),
    ZIP("zip", "ZIP", "application/zip");

    private final String extension;
    private final String label;
    private final String mediaType;

    SyntheticFormat(String extension, String label, String mediaType) {
        this.extension = extension;
        this.label = label;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type of the download: CSV is sent as UTF-8. */
    public String contentType() {
        return this == CSV ? mediaType + "; charset=utf-8" : mediaType;
    }

    /** The per-table format with this extension (any case): csv or parquet. */
    public static Optional<SyntheticFormat> ofTableExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f != ZIP && f.extension.equals(extension.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
