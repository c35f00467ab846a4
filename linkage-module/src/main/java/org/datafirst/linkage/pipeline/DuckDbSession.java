package org.datafirst.linkage.pipeline;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.sql.Sql;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** One DuckDB connection for one job (DuckDB connections are not thread-safe). */
public final class DuckDbSession implements AutoCloseable {

    private final Connection connection;

    private DuckDbSession(Connection connection) {
        this.connection = connection;
    }

    /** An in-memory database with the given resources. */
    public static DuckDbSession open(EngineOptions options) {
        try {
            Files.createDirectories(options.tempDirectory());
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbSession s = new DuckDbSession(c);
            s.execute("SET threads = " + options.threads());
            s.execute("SET memory_limit = " + Sql.string(options.memoryLimit()));
            s.execute("SET temp_directory = "
                    + Sql.string(options.tempDirectory().toAbsolutePath().toString()));
            // no step relies on row order (the load step switches it on while it numbers input rows)
            s.execute("SET preserve_insertion_order = false");
            return s;
        } catch (SQLException | java.io.IOException e) {
            throw new PipelineException("could not start DuckDB: " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new PipelineException(e.getMessage() + "\n  in SQL: " + abbreviate(sql), e);
        }
    }

    /** A query with bound parameters, returning rows as lists of column values. */
    public List<List<Object>> query(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new PipelineException(e.getMessage() + "\n  in SQL: " + abbreviate(sql), e);
        }
    }

    /** Reads a query's rows one at a time (for results too large to hold as lists). */
    public void forEachRow(String sql, RowHandler handler) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.accept(rs);
            }
        } catch (SQLException e) {
            throw new PipelineException(e.getMessage() + "\n  in SQL: " + abbreviate(sql), e);
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** Appends rows to an existing table, much faster than INSERT statements. */
    public Appender appender(String table) {
        try {
            return new Appender(
                    ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table), table);
        } catch (SQLException e) {
            throw new PipelineException("could not append to " + table + ": " + e.getMessage(), e);
        }
    }

    /** Rows of ints, longs, doubles and booleans for one table. */
    public static final class Appender implements AutoCloseable {
        private final DuckDBAppender appender;
        private final String table;

        private Appender(DuckDBAppender appender, String table) {
            this.appender = appender;
            this.table = table;
        }

        public void row(Object... values) {
            try {
                appender.beginRow();
                for (Object v : values) {
                    if (v instanceof Integer i) {
                        appender.append(i.intValue());
                    } else if (v instanceof Long l) {
                        appender.append(l.longValue());
                    } else if (v instanceof Double d) {
                        appender.append(d.doubleValue());
                    } else if (v instanceof Boolean b) {
                        appender.append(b.booleanValue());
                    } else {
                        throw new IllegalArgumentException("cannot append " + v.getClass());
                    }
                }
                appender.endRow();
            } catch (SQLException e) {
                throw new PipelineException("could not append to " + table + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                appender.close();
            } catch (SQLException e) {
                throw new PipelineException("could not append to " + table + ": " + e.getMessage(), e);
            }
        }
    }

    public long queryLong(String sql, Object... params) {
        Object v = query(sql, params).get(0).get(0);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public double queryDouble(String sql, Object... params) {
        Object v = query(sql, params).get(0).get(0);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    public List<String> columns(String table) {
        List<String> cols = new ArrayList<>();
        for (List<Object> row : query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                table)) {
            cols.add((String) row.get(0));
        }
        return cols;
    }

    public boolean tableExists(String table) {
        return queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", table) > 0;
    }

    private static String abbreviate(String sql) {
        return sql.length() > 600 ? sql.substring(0, 600) + " …" : sql;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new PipelineException("could not close DuckDB: " + e.getMessage(), e);
        }
    }
}
