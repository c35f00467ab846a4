package org.datafirst.catalogue.synthetic;

/**
 * How a synthetic column is stored: the Java value its generator gives, and its Parquet physical
 * and logical type. Anything the dictionary does not type is {@link #TEXT}.
 */
enum ColumnType {
    /** String values; Parquet BYTE_ARRAY annotated UTF8. */
    TEXT(6, 0),
    /** LocalDate values; Parquet INT32 annotated DATE (days since 1970-01-01). */
    DATE(1, 6),
    /** LocalDateTime values; Parquet INT64 annotated TIMESTAMP_MICROS. */
    DATETIME(2, 10),
    /** Long values; Parquet INT64. */
    INTEGER(2, -1),
    /** Double values; Parquet DOUBLE. */
    DECIMAL(5, -1),
    /** Boolean values; Parquet BOOLEAN. */
    BOOLEAN(0, -1);

    /** Parquet's Type enum value. */
    final int physical;
    /** Parquet's ConvertedType enum value, or -1 for none. */
    final int converted;

    ColumnType(int physical, int converted) {
        this.physical = physical;
        this.converted = converted;
    }
}
