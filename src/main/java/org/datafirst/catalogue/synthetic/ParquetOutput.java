package org.datafirst.catalogue.synthetic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a Parquet file row by row to a stream, holding only one row group in memory: every column
 * optional, PLAIN encoded, uncompressed, one data page per column chunk. Small enough to need no
 * Hadoop, and deterministic: the same rows give the same bytes.
 */
final class ParquetOutput {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int OPTIONAL = 1;
    private static final String CREATED_BY = "Data First Catalogue synthetic data";

    private final CountingStream out;
    private final List<Column> columns;
    private final Map<String, String> metadata;
    private final int rowsPerGroup;
    private final List<ColumnBuffer> buffers = new ArrayList<>();
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private int rowsInGroup;
    private long rows;

    record Column(String name, ColumnType type) {}

    ParquetOutput(OutputStream out, List<Column> columns, Map<String, String> metadata, int rowsPerGroup)
            throws IOException {
        this.out = new CountingStream(out);
        this.columns = List.copyOf(columns);
        this.metadata = metadata;
        this.rowsPerGroup = rowsPerGroup;
        columns.forEach(c -> buffers.add(new ColumnBuffer(c.type())));
        this.out.write(MAGIC);
    }

    void write(Object[] row) throws IOException {
        for (int i = 0; i < buffers.size(); i++) {
            buffers.get(i).add(row[i]);
        }
        rows++;
        if (++rowsInGroup == rowsPerGroup) {
            flushRowGroup();
        }
    }

    /** Writes the last row group and the footer; the stream is left open. */
    void finish() throws IOException {
        if (rowsInGroup > 0 || rowGroups.isEmpty()) {
            flushRowGroup();
        }
        ThriftCompact footer = new ThriftCompact().beginStruct().i32(1, 1);
        footer.list(2, ThriftCompact.STRUCT, columns.size() + 1);
        footer.beginStruct().string(4, "schema").i32(5, columns.size()).endStruct();
        for (Column column : columns) {
            footer.beginStruct().i32(1, column.type().physical).i32(3, OPTIONAL).string(4, column.name());
            if (column.type().converted >= 0) {
                footer.i32(6, column.type().converted);
            }
            footer.endStruct();
        }
        footer.i64(3, rows);
        footer.list(4, ThriftCompact.STRUCT, rowGroups.size());
        for (RowGroup group : rowGroups) {
            footer.beginStruct().list(1, ThriftCompact.STRUCT, columns.size());
            for (int i = 0; i < columns.size(); i++) {
                footer.beginStruct().i64(2, group.offsets[i]).struct(3);
                footer.i32(1, columns.get(i).type().physical);
                footer.list(2, ThriftCompact.I32, 2).i32Element(PLAIN).i32Element(RLE);
                footer.list(3, ThriftCompact.BINARY, 1)
                        .stringElement(columns.get(i).name());
                footer.i32(4, 0) // UNCOMPRESSED
                        .i64(5, group.rows)
                        .i64(6, group.sizes[i])
                        .i64(7, group.sizes[i])
                        .i64(9, group.offsets[i])
                        .endStruct()
                        .endStruct();
            }
            footer.i64(2, group.bytes()).i64(3, group.rows).endStruct();
        }
        footer.list(5, ThriftCompact.STRUCT, metadata.size());
        metadata.forEach(
                (k, v) -> footer.beginStruct().string(1, k).string(2, v).endStruct());
        byte[] bytes = footer.string(6, CREATED_BY).endStruct().toByteArray();
        out.write(bytes);
        out.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(bytes.length)
                .array());
        out.write(MAGIC);
        out.flush();
    }

    private void flushRowGroup() throws IOException {
        RowGroup group = new RowGroup(rowsInGroup, new long[columns.size()], new long[columns.size()]);
        for (int i = 0; i < columns.size(); i++) {
            ColumnBuffer buffer = buffers.get(i);
            buffer.close();
            int page = buffer.pageSize();
            byte[] header = new ThriftCompact()
                    .beginStruct()
                    .i32(1, 0) // DATA_PAGE
                    .i32(2, page)
                    .i32(3, page)
                    .struct(5)
                    .i32(1, rowsInGroup)
                    .i32(2, PLAIN)
                    .i32(3, RLE)
                    .i32(4, RLE)
                    .endStruct()
                    .endStruct()
                    .toByteArray();
            group.offsets[i] = out.position();
            out.write(header);
            buffer.writePage(out);
            group.sizes[i] = header.length + page;
            buffer.clear();
        }
        rowGroups.add(group);
        rowsInGroup = 0;
    }

    /** Where a row group's column chunks were written, for the footer. */
    private record RowGroup(int rows, long[] offsets, long[] sizes) {
        long bytes() {
            return java.util.Arrays.stream(sizes).sum();
        }
    }

    /** One column's values of the current row group: definition levels as runs, and PLAIN values. */
    private static final class ColumnBuffer {
        private final ColumnType type;
        private final ByteArrayOutputStream values = new ByteArrayOutputStream(1 << 16);
        private final ByteArrayOutputStream levels = new ByteArrayOutputStream(16);
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private int runLevel = -1;
        private int runLength;
        private int bits;
        private int bitCount;

        ColumnBuffer(ColumnType type) {
            this.type = type;
        }

        void add(Object value) {
            level(value == null ? 0 : 1);
            if (value == null) {
                return;
            }
            scratch.clear();
            switch (type) {
                case TEXT -> {
                    byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                    values.write(scratch.putInt(utf8.length).array(), 0, 4);
                    values.write(utf8, 0, utf8.length);
                }
                case DATE ->
                    values.write(
                            scratch.putInt((int) ((LocalDate) value).toEpochDay())
                                    .array(),
                            0,
                            4);
                case DATETIME -> {
                    LocalDateTime t = (LocalDateTime) value;
                    long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
                    values.write(scratch.putLong(micros).array(), 0, 8);
                }
                case INTEGER -> values.write(scratch.putLong((Long) value).array(), 0, 8);
                case DECIMAL -> values.write(scratch.putDouble((Double) value).array(), 0, 8);
                case BOOLEAN -> {
                    bits |= ((Boolean) value ? 1 : 0) << bitCount;
                    if (++bitCount == 8) {
                        values.write(bits);
                        bits = 0;
                        bitCount = 0;
                    }
                }
            }
        }

        private void level(int level) {
            if (level != runLevel && runLength > 0) {
                endRun();
            }
            runLevel = level;
            runLength++;
        }

        private void endRun() {
            varint(levels, (long) runLength << 1);
            levels.write(runLevel);
            runLength = 0;
        }

        /** Ends the row group's definition-level runs and boolean bits; then the page can be written. */
        void close() {
            if (runLength > 0) {
                endRun();
            }
            if (bitCount > 0) {
                values.write(bits);
                bits = 0;
                bitCount = 0;
            }
        }

        int pageSize() {
            return 4 + levels.size() + values.size();
        }

        /** The data page: definition levels (4-byte length, RLE runs of bit width 1), then the values. */
        void writePage(OutputStream out) throws IOException {
            out.write(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(levels.size())
                    .array());
            levels.writeTo(out);
            values.writeTo(out);
        }

        void clear() {
            values.reset();
            levels.reset();
            runLevel = -1;
            runLength = 0;
        }

        private static void varint(ByteArrayOutputStream out, long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }

    /** Counts bytes written, for the offsets the footer records. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long position;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        long position() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
