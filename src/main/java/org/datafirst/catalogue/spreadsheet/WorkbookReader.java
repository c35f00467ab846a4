package org.datafirst.catalogue.spreadsheet;

/** Reads an uploaded XLSX or ODS workbook into sheets of text, after the upload guard let it through. */
final class WorkbookReader {

    private WorkbookReader() {
    }

    static SheetContent.Workbook read(byte[] upload, String file, UploadGuard.Limits limits) {
        return switch (UploadGuard.check(upload, file, limits)) {
            case XLSX -> XlsxReader.read(upload, file, limits.maxRows());
            case ODS -> OdsReader.read(upload, file, limits.maxRows());
        };
    }
}
