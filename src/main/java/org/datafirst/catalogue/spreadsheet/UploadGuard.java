package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.problem.UploadTooLargeException;

/**
 * Looks at an upload before any spreadsheet parser does: size, file type, encryption, macros, and
 * a full unpacking pass that stops as soon as the archive unpacks too far or too steeply (zip
 * bomb). Only a plain XLSX or ODS workbook passes.
 */
final class UploadGuard {

    enum Format {
        XLSX,
        ODS
    }

    /** Limits on an upload and on reading it; see CatalogueConfig.Spreadsheets. */
    record Limits(
            long maxUploadBytes,
            long maxUnpackedBytes,
            int maxCompressionRatio,
            int maxRows,
            long maxCells,
            int maxCellChars,
            java.time.Duration readTime) {

        static Limits of(org.datafirst.catalogue.config.CatalogueConfig.Spreadsheets config) {
            return new Limits(
                    config.maxUploadBytes(),
                    config.maxUnpackedBytes(),
                    config.maxCompressionRatio(),
                    config.maxRows(),
                    config.maxCells(),
                    config.maxCellChars(),
                    config.readTime());
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    /** Entries smaller than this are never called bombs, however well they compress. */
    private static final long RATIO_FLOOR = 1 << 20;

    private UploadGuard() {}

    static Format check(byte[] upload, String file, Limits limits) {
        if (upload.length > limits.maxUploadBytes()) {
            throw new UploadTooLargeException(
                    file,
                    "the upload has " + upload.length + " bytes; at most " + limits.maxUploadBytes()
                            + " are accepted.");
        }
        if (upload.length == 0) {
            throw refused(file, "the file is empty.");
        }
        if (startsWith(upload, OLE2)) {
            throw refused(
                    file,
                    isEncrypted(upload)
                            ? "the workbook is password-protected (encrypted). Remove the password and upload it again."
                            : "this is a legacy binary Office file (.xls); save it as .xlsx or .ods and upload it again.");
        }
        if (!startsWith(upload, ZIP)) {
            throw refused(
                    file, "this is not an XLSX or ODS workbook (both are zip archives); upload a .xlsx or .ods file.");
        }
        return scan(upload, file, limits);
    }

    private static Format scan(byte[] upload, String file, Limits limits) {
        List<String> names = new ArrayList<>();
        String mimetype = null;
        String manifest = null;
        String contentTypes = null;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(upload))) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                boolean keep = entry.getName().equals("mimetype")
                        || entry.getName().equals("META-INF/manifest.xml")
                        || entry.getName().equals("[Content_Types].xml");
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                long entryBytes = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    entryBytes += n;
                    total += n;
                    if (total > limits.maxUnpackedBytes()) {
                        throw new UploadTooLargeException(
                                file,
                                "the workbook unpacks to more than " + limits.maxUnpackedBytes()
                                        + " bytes; it is refused as a possible zip bomb.");
                    }
                    long packed = Math.max(1, zip.getCompressedCount());
                    if (entryBytes > RATIO_FLOOR && entryBytes / packed > limits.maxCompressionRatio()) {
                        throw refused(
                                file,
                                "entry " + entry.getName() + " expands more than " + limits.maxCompressionRatio()
                                        + " times; the file is refused as a possible zip bomb.");
                    }
                    if (keep && kept.size() < 1 << 20) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (keep) {
                    String text = kept.toString(StandardCharsets.UTF_8);
                    switch (entry.getName()) {
                        case "mimetype" -> mimetype = text.trim();
                        case "META-INF/manifest.xml" -> manifest = text;
                        default -> contentTypes = text;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused(file, "the file is not a readable zip archive (" + e.getMessage() + ").");
        }
        if (contentTypes != null) {
            if (names.stream().anyMatch(n -> n.toLowerCase().endsWith("vbaproject.bin"))
                    || contentTypes.contains("macroEnabled")) {
                throw refused(file, "the workbook contains macros (.xlsm); save it as a plain .xlsx without macros.");
            }
            if (!names.contains("xl/workbook.xml")) {
                throw refused(file, "this Office file is not an Excel workbook; upload a .xlsx or .ods file.");
            }
            return Format.XLSX;
        }
        if (mimetype != null) {
            if (!mimetype.equals(OdsWriter.MIME)) {
                throw refused(
                        file, "this OpenDocument file is " + mimetype + ", not a spreadsheet; upload a .ods file.");
            }
            if (manifest != null && manifest.contains("encryption-data")) {
                throw refused(
                        file,
                        "the workbook is password-protected (encrypted). Remove the password and upload it again.");
            }
            if (names.stream().anyMatch(n -> n.startsWith("Basic/") || n.startsWith("Scripts/"))) {
                throw refused(file, "the workbook contains macros; save it without macros and upload it again.");
            }
            if (!names.contains("content.xml")) {
                throw refused(file, "the OpenDocument file has no content.xml.");
            }
            return Format.ODS;
        }
        throw refused(file, "this zip archive is neither an XLSX nor an ODS workbook.");
    }

    private static boolean isEncrypted(byte[] upload) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(upload))) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static InvalidSpreadsheetException refused(String file, String message) {
        return new InvalidSpreadsheetException(file, List.of(ProblemError.at(file, message)));
    }
}
