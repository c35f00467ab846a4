package org.datafirst.catalogue.spreadsheet;

import java.util.Locale;
import java.util.Optional;

/** The file formats a dictionary is offered in. */
public enum SpreadsheetFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ODS("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String mediaType;

    SpreadsheetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<SpreadsheetFormat> of(String extension) {
        for (SpreadsheetFormat format : values()) {
            if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
