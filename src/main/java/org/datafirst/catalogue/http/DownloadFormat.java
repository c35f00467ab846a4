package org.datafirst.catalogue.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a data dictionary is published in, in the order they are listed (API download links,
 * DCAT distributions, HDR UK formats, the dataset page). The media type is the one declared in
 * metadata; {@link #contentType()} is what the download is served with.
 */
public enum DownloadFormat {
    XLSX("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ODS("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    CSV("csv", "CSV", "text/csv"),
    JSON("json", "JSON", "application/json");

    private final String extension;
    private final String label;
    private final String mediaType;

    DownloadFormat(String extension, String label, String mediaType) {
        this.extension = extension;
        this.label = label;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The name people and the EU file-type vocabulary use: XLSX, ODS, CSV, JSON. */
    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format with this file extension (any case). */
    public static Optional<DownloadFormat> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The Content-Type of the download: CSV is sent as UTF-8. */
    public String contentType() {
        return this == CSV ? mediaType + "; charset=utf-8" : mediaType;
    }
}
