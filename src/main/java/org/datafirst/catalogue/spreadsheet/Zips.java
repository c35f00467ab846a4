package org.datafirst.catalogue.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Zip helpers for the writers. */
final class Zips {

    private Zips() {}

    /**
     * The same archive with every entry dated {@code date}: equal content gives equal bytes, so a
     * download's strong ETag stays the same until the release changes.
     */
    static byte[] withFixedTimes(byte[] zip, LocalDate date) {
        long time = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipFile in = ZipFile.builder()
                        .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                        .get();
                ZipArchiveOutputStream zipOut = new ZipArchiveOutputStream(out)) {
            // Entries are copied still compressed: only their dates change.
            for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry);
                copy.setTime(time);
                try (InputStream raw = in.getRawInputStream(entry)) {
                    zipOut.addRawArchiveEntry(copy, raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
