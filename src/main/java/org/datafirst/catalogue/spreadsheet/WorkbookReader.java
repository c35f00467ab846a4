package org.datafirst.catalogue.spreadsheet;

import java.util.function.BooleanSupplier;

/**
 * Reads an uploaded XLSX or ODS workbook into sheets of text, after the upload guard let it through,
 * within the time, cells and text the limits allow; it stops early when {@code abandoned} turns true.
 */
final class WorkbookReader {

    private WorkbookReader() {}

    static SheetContent.Workbook read(
            byte[] upload, String file, UploadGuard.Limits limits, BooleanSupplier abandoned) {
        UploadGuard.Format format = UploadGuard.check(upload, file, limits);
        ReadBudget budget = new ReadBudget(file, limits, abandoned);
        return switch (format) {
            case XLSX -> XlsxReader.read(upload, file, budget);
            case ODS -> OdsReader.read(upload, file, budget);
        };
    }
}
