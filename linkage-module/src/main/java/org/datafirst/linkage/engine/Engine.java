package org.datafirst.linkage.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.datafirst.linkage.sql.Dialect;

/**
 * Where the pipeline's SQL runs, as Splink's database API: named SQL steps materialised as tables, tables
 * registered from Java rows or files, small results read back, outputs written. Every pipeline step, report
 * and command talks to this interface only, and renders its SQL with {@link #dialect()}; {@link DuckDbEngine}
 * (in process, the default) and {@code SparkEngine} implement it.
 */
public interface Engine extends AutoCloseable {

    /** The engine's SQL functions and literal rules. */
    Dialect dialect();

    /** A statement of the engine's SQL that returns nothing worth reading. */
    void execute(String sql);

    /** A named step: the rows of {@code query} become the table {@code name} (replacing one of that name). */
    void createTable(String name, String query);

    /** A table to be filled from Java rows, with columns as in {@code CREATE TABLE} ({@code "rid BIGINT, grp INTEGER"}). */
    TableWriter newTable(String name, String columns);

    /** Drops the table if it exists. */
    void dropTable(String name);

    void renameTable(String from, String to);

    /** A query with bound parameters ({@code ?}), returning rows as lists of column values; for small results. */
    List<List<Object>> query(String sql, Object... params);

    /** Reads a query's rows one at a time (for results too large to hold as lists). */
    void forEachRow(String sql, RowHandler handler);

    List<String> columns(String table);

    boolean tableExists(String table);

    /** The names of the tables the pipeline made (named steps, registered files and rows). */
    List<String> tables();

    /**
     * The file as a table {@code name}: Parquet as typed, a CSV with a header line ({@link CsvHeader}) with every
     * column as text; {@link Dialect#fileRowNumber()} numbers its rows in file order.
     */
    void registerFile(String name, Path file);

    /** The column names of a Parquet or CSV file, read without reading its rows. */
    List<String> fileColumns(Path file);

    /** Writes the rows of {@code query} to {@code target} as Parquet (zstd) or CSV with a header line. */
    void writeFile(String query, Path target, FileFormat format);

    /**
     * The connected components of the graph whose edges are the rows of {@code edgesQuery} (its first two
     * columns, BIGINT nodes): the table {@code name(node BIGINT, component BIGINT)} holds every node of an edge
     * with the smallest node of its component.
     */
    void connectedComponents(String name, String edgesQuery);

    /**
     * The table {@code name} (columns as in {@link #newTable}) of the rows that {@code function} emits for each
     * group of the rows of {@code query}, grouped by its first column (BIGINT); a group's rows come in no
     * particular order. Each group is handled whole, by one worker (a Spark executor, or this process).
     */
    void createTableByGroup(String name, String columns, String query, GroupFunction function);

    /** How many workers run a query side by side (threads, or cores across executors). */
    int parallelism();

    @Override
    void close();

    default long queryLong(String sql, Object... params) {
        Object v = query(sql, params).get(0).get(0);
        return v == null ? 0 : ((Number) v).longValue();
    }

    default double queryDouble(String sql, Object... params) {
        Object v = query(sql, params).get(0).get(0);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    @FunctionalInterface
    interface RowHandler {
        void accept(ResultRow row);
    }

    /** One row of a result, columns numbered from 1 as in JDBC. */
    interface ResultRow {
        Object get(int column);

        int getInt(int column);

        long getLong(int column);

        double getDouble(int column);

        boolean getBoolean(int column);
    }

    /** Work on one group of rows; it travels to Spark's executors, so it may capture only serializable values. */
    @FunctionalInterface
    interface GroupFunction extends Serializable {
        /** {@code rows} hold the column values of the group {@code key}; each row emitted is one output row. */
        void apply(long key, List<Object[]> rows, Consumer<Object[]> emit);
    }

    /** Appends rows of ints, longs, doubles and booleans; the table exists once closed. */
    interface TableWriter extends AutoCloseable {
        void row(Object... values);

        @Override
        void close();
    }
}
