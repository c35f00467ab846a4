package org.datafirst.linkage.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.datafirst.linkage.pipeline.PipelineException;
import org.datafirst.linkage.sql.Dialect;
import org.datafirst.linkage.sql.Sql;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** In-process DuckDB: one connection for one job (DuckDB connections are not thread-safe). */
public final class DuckDbEngine implements Engine {

    private final Connection connection;
    private final int threads;

    private DuckDbEngine(Connection connection, int threads) {
        this.connection = connection;
        this.threads = threads;
    }

    /** An in-memory database with the given resources. */
    public static DuckDbEngine open(EngineOptions options) {
        try {
            Files.createDirectories(options.tempDirectory());
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbEngine s = new DuckDbEngine(c, options.threads());
            s.execute("SET threads = " + options.threads());
            s.execute("SET memory_limit = " + Sql.string(options.memoryLimit()));
            s.execute("SET temp_directory = "
                    + Sql.string(options.tempDirectory().toAbsolutePath().toString()));
            // a table's rows may be stored in any order; what is read back in this process, written to a file or
            // numbered on load keeps its order (inOrder)
            s.execute("SET preserve_insertion_order = false");
            return s;
        } catch (SQLException | IOException e) {
            throw new PipelineException("could not start DuckDB: " + e.getMessage(), e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.DUCKDB;
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new PipelineException(e.getMessage() + "\n  in SQL: " + abbreviate(sql), e);
        }
    }

    @Override
    public void createTable(String name, String query) {
        execute("CREATE OR REPLACE TABLE " + name + " AS " + query);
    }

    @Override
    public void dropTable(String name) {
        execute("DROP TABLE IF EXISTS " + name);
    }

    @Override
    public void renameTable(String from, String to) {
        execute("ALTER TABLE " + from + " RENAME TO " + to);
    }

    @Override
    public List<List<Object>> query(String sql, Object... params) {
        return inOrder(() -> {
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
        });
    }

    @Override
    public void forEachRow(String sql, RowHandler handler) {
        inOrder(() -> {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                JdbcRow row = new JdbcRow(rs);
                while (rs.next()) {
                    handler.accept(row);
                }
                return null;
            } catch (SQLException e) {
                throw new PipelineException(e.getMessage() + "\n  in SQL: " + abbreviate(sql), e);
            }
        });
    }

    /**
     * Runs {@code work} with DuckDB keeping the order of results. Without it DuckDB collects a result from its
     * threads in any order, even one with ORDER BY (measured on DuckDB 2.0: 300,000 sorted rows came back as two
     * sorted runs), and the steps that read sorted rows (one group at a time, strongest pair first) depend on it.
     */
    private <T> T inOrder(Supplier<T> work) {
        if (ordered++ == 0) {
            execute("SET preserve_insertion_order = true");
        }
        try {
            return work.get();
        } finally {
            if (--ordered == 0) {
                execute("SET preserve_insertion_order = false");
            }
        }
    }

    /** How many {@link #inOrder} calls are running (a row handler may query again). */
    private int ordered;

    /** The current row of a JDBC result set. */
    private record JdbcRow(ResultSet rs) implements ResultRow {
        int columnCount() {
            return read(() -> rs.getMetaData().getColumnCount());
        }

        @Override
        public Object get(int column) {
            return read(() -> rs.getObject(column));
        }

        @Override
        public int getInt(int column) {
            return read(() -> rs.getInt(column));
        }

        @Override
        public long getLong(int column) {
            return read(() -> rs.getLong(column));
        }

        @Override
        public double getDouble(int column) {
            return read(() -> rs.getDouble(column));
        }

        @Override
        public boolean getBoolean(int column) {
            return read(() -> rs.getBoolean(column));
        }

        private interface Column<T> {
            T get() throws SQLException;
        }

        private static <T> T read(Column<T> column) {
            try {
                return column.get();
            } catch (SQLException e) {
                throw new PipelineException(e.getMessage(), e);
            }
        }
    }

    @Override
    public TableWriter newTable(String name, String columns) {
        execute("CREATE OR REPLACE TABLE " + name + " (" + columns + ")");
        try {
            return new Appender(
                    ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, name), name);
        } catch (SQLException e) {
            throw new PipelineException("could not append to " + name + ": " + e.getMessage(), e);
        }
    }

    /** DuckDB's appender: much faster than INSERT statements. */
    private static final class Appender implements TableWriter {
        private final DuckDBAppender appender;
        private final String table;

        private Appender(DuckDBAppender appender, String table) {
            this.appender = appender;
            this.table = table;
        }

        @Override
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

    @Override
    public List<String> columns(String table) {
        List<String> cols = new ArrayList<>();
        for (List<Object> row : query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                table)) {
            cols.add((String) row.get(0));
        }
        return cols;
    }

    @Override
    public boolean tableExists(String table) {
        return queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", table) > 0;
    }

    @Override
    public List<String> tables() {
        return query("SELECT table_name FROM duckdb_tables()").stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    @Override
    public void registerFile(String name, Path file) {
        String f = Sql.string(file.toAbsolutePath().toString());
        String reader;
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            reader = dialect().parquetFile(file.toAbsolutePath().toString());
        } else {
            StringBuilder cols = new StringBuilder("{");
            List<String> names = CsvHeader.read(file);
            for (int c = 0; c < names.size(); c++) {
                cols.append(c == 0 ? "" : ", ").append(Sql.string(names.get(c))).append(": 'VARCHAR'");
            }
            reader = "read_csv(" + f + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
                    + " columns = " + cols + "})";
        }
        // rowid then numbers the rows in file order (Dialect.fileRowNumber)
        inOrder(() -> {
            createTable(name, "SELECT * FROM " + reader);
            return null;
        });
    }

    @Override
    public List<String> fileColumns(Path file) {
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return CsvHeader.read(file);
        }
        return query("DESCRIBE SELECT * FROM "
                        + dialect().parquetFile(file.toAbsolutePath().toString()))
                .stream()
                .map(row -> (String) row.get(0))
                .toList();
    }

    @Override
    public void writeFile(String query, Path target, FileFormat format) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String options =
                format == FileFormat.PARQUET ? "(FORMAT parquet, COMPRESSION zstd)" : "(FORMAT csv, HEADER true)";
        inOrder(() -> {
            execute("COPY (" + query + ") TO "
                    + Sql.string(target.toAbsolutePath().toString()) + " " + options);
            return null;
        });
    }

    /** Union–find in this process over the streamed edges; a component's root is its smallest node. */
    @Override
    public void connectedComponents(String name, String edgesQuery) {
        String edges = "SELECT * FROM (" + edgesQuery + ") AS e(a, b)";
        int nodes = Math.toIntExact(queryLong("SELECT coalesce(max(greatest(a, b)), -1) + 1 FROM (" + edges + ")"));
        int[] root = new int[nodes];
        Arrays.fill(root, -1);
        forEachRow(edges, row -> {
            int a = find(root, row.getInt(1));
            int b = find(root, row.getInt(2));
            root[Math.max(a, b)] = Math.min(a, b);
        });
        try (TableWriter out = newTable(name, "node BIGINT, component BIGINT")) {
            for (int node = 0; node < nodes; node++) {
                if (root[node] >= 0) {
                    out.row((long) node, (long) find(root, node));
                }
            }
        }
    }

    /** The root of {@code x} (a node seen for the first time becomes its own root), halving the path. */
    private static int find(int[] root, int x) {
        if (root[x] < 0) {
            root[x] = x;
        }
        while (root[x] != x) {
            root[x] = root[root[x]];
            x = root[x];
        }
        return x;
    }

    /** Streams the rows sorted by group and hands each group to {@code function} in this process. */
    @Override
    public void createTableByGroup(String name, String columns, String query, GroupFunction function) {
        try (TableWriter out = newTable(name, columns)) {
            List<Object[]> group = new ArrayList<>();
            long[] key = {0};
            forEachRow("SELECT * FROM (" + query + ") ORDER BY 1", row -> {
                long k = row.getLong(1);
                if (!group.isEmpty() && k != key[0]) {
                    function.apply(key[0], group, out::row);
                    group.clear();
                }
                key[0] = k;
                int n = ((JdbcRow) row).columnCount();
                Object[] values = new Object[n];
                for (int c = 0; c < n; c++) {
                    values[c] = row.get(c + 1);
                }
                group.add(values);
            });
            if (!group.isEmpty()) {
                function.apply(key[0], group, out::row);
            }
        }
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
