package org.datafirst.linkage.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.datafirst.linkage.pipeline.PipelineException;
import org.datafirst.linkage.sql.Dialect;
import scala.Tuple2;

/**
 * Apache Spark SQL: a table is a temporary view over a persisted (memory, then disk) result, so a named step
 * runs once and the steps after it read its rows. DuckDB's functions that Spark lacks are registered as Java
 * functions with DuckDB's results ({@link DuckDbFunctions}).
 */
public final class SparkEngine implements Engine {

    private final SparkSession spark;
    private final boolean local;
    private final boolean ownsSession;
    private final Map<String, Dataset<Row>> tables = new HashMap<>();

    private SparkEngine(SparkSession spark, boolean ownsSession) {
        this.spark = spark;
        this.ownsSession = ownsSession;
        this.local = spark.sparkContext().isLocal();
        spark.conf().set("spark.sql.ansi.enabled", "true");
        spark.conf().set("spark.sql.ansi.doubleQuotedIdentifiers", "true");
        // Backslashes in string literals stay literal, as on DuckDB: '^rec-(\d+)' must reach regexp_extract as written.
        spark.conf().set("spark.sql.parser.escapedStringLiterals", "true");
        registerFunctions(spark);
    }

    /** DuckDB's functions that Spark lacks, under DuckDB's names; NULL in, NULL out. */
    private static void registerFunctions(SparkSession spark) {
        spark.udf()
                .register(
                        "jaro_similarity",
                        (UDF2<String, String, Double>)
                                (a, b) -> a == null || b == null ? null : DuckDbFunctions.jaro(a, b),
                        DataTypes.DoubleType);
        spark.udf()
                .register(
                        "jaro_winkler_similarity",
                        (UDF2<String, String, Double>)
                                (a, b) -> a == null || b == null ? null : DuckDbFunctions.jaroWinkler(a, b),
                        DataTypes.DoubleType);
        spark.udf()
                .register(
                        "damerau_levenshtein",
                        (UDF2<String, String, Long>) (a, b) ->
                                a == null || b == null ? null : (long) DuckDbFunctions.damerauLevenshtein(a, b),
                        DataTypes.LongType);
        spark.udf()
                .register(
                        "duckdb_hash_bucket",
                        (UDF2<Long, Long, Long>) (v, seed) -> v == null ? null : DuckDbFunctions.hashBucket(v, seed),
                        DataTypes.LongType);
        spark.udf()
                .register(
                        "try_strptime_date",
                        (UDF2<String, String, java.sql.Date>) (text, format) -> {
                            java.time.LocalDate d = DuckDbFunctions.tryStrptime(text, format);
                            return d == null ? null : java.sql.Date.valueOf(d);
                        },
                        DataTypes.DateType);
    }

    /**
     * A session on {@code options.master()} (or the one spark-submit set up) with the given settings, or the
     * session this process already has (whose settings stay as they are, as Spark's {@code getOrCreate} does).
     */
    public static SparkEngine open(SparkOptions options) {
        SparkSession.Builder builder = SparkSession.builder().appName("data-first-linkage");
        if (options.master() != null) {
            builder.master(options.master());
        }
        if (options.master() != null && options.master().startsWith("local")) {
            // a handful of partitions per core; Spark's default of 200 is for clusters
            builder.config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false");
        }
        options.conf().forEach(builder::config);
        // a session the process already runs (an application or notebook embedding the module) is used and left
        // running; one started here stops when the engine closes
        boolean started = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = builder.getOrCreate();
        // the CLI reports its own progress; Spark's INFO lines would bury it
        spark.sparkContext().setLogLevel("WARN");
        return new SparkEngine(spark, started);
    }

    /** An engine on a session the caller owns (tests share one); {@link #close()} then leaves the session running. */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark, false);
    }

    @Override
    public Dialect dialect() {
        return Dialect.SPARK;
    }

    @Override
    public int parallelism() {
        return spark.sparkContext().defaultParallelism();
    }

    private Dataset<Row> sql(String sql, Object... params) {
        try {
            return params.length == 0 ? spark.sql(sql) : spark.sql(sql, params);
        } catch (RuntimeException e) {
            throw failure(e, sql);
        }
    }

    private static PipelineException failure(RuntimeException e, String sql) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return new PipelineException(m + "\n  in SQL: " + (sql.length() > 600 ? sql.substring(0, 600) + " …" : sql), e);
    }

    @Override
    public void execute(String sql) {
        try {
            sql(sql).collectAsList();
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, sql);
        }
    }

    @Override
    public void createTable(String name, String query) {
        Dataset<Row> df = sql(query);
        try {
            register(name, df);
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, query);
        }
    }

    /**
     * Computes {@code df} and keeps its rows (memory, then disk) as {@code name}. A local checkpoint rather than
     * {@code persist}: the table's plan is then a scan of those rows, not the plans of every step before it, which
     * grow with each step (a self-join doubles them) until analysing the clustering's steps fills the driver.
     */
    private void register(String name, Dataset<Row> df) {
        Dataset<Row> stored = df.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
        stored.createOrReplaceTempView(name);
        Dataset<Row> old = tables.put(name, stored);
        if (old != null) {
            old.unpersist();
        }
    }

    @Override
    public void dropTable(String name) {
        Dataset<Row> old = tables.remove(name);
        if (old != null) {
            old.unpersist();
        }
        spark.catalog().dropTempView(name);
    }

    @Override
    public void renameTable(String from, String to) {
        Dataset<Row> df = tables.remove(from);
        if (df == null) {
            df = spark.table(from);
        }
        spark.catalog().dropTempView(from);
        df.createOrReplaceTempView(to);
        tables.put(to, df);
    }

    @Override
    public List<List<Object>> query(String sql, Object... params) {
        List<Row> rows;
        try {
            rows = sql(sql, params).collectAsList();
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, sql);
        }
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> row = new ArrayList<>(r.length());
            for (int i = 0; i < r.length(); i++) {
                row.add(r.get(i));
            }
            out.add(row);
        }
        return out;
    }

    @Override
    public void forEachRow(String sql, RowHandler handler) {
        Iterator<Row> it;
        try {
            it = sql(sql).toLocalIterator();
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, sql);
        }
        SparkRow row = new SparkRow();
        while (it.hasNext()) {
            row.row = it.next();
            handler.accept(row);
        }
    }

    /** A Spark row read as JDBC would: NULL as 0 or false, any number as any number type. */
    private static final class SparkRow implements ResultRow {
        Row row;

        @Override
        public Object get(int column) {
            return row.get(column - 1);
        }

        private Number number(int column) {
            Object v = row.get(column - 1);
            return v == null ? 0 : (Number) v;
        }

        @Override
        public int getInt(int column) {
            return number(column).intValue();
        }

        @Override
        public long getLong(int column) {
            return number(column).longValue();
        }

        @Override
        public double getDouble(int column) {
            return number(column).doubleValue();
        }

        @Override
        public boolean getBoolean(int column) {
            Object v = row.get(column - 1);
            return v != null && (Boolean) v;
        }
    }

    @Override
    public TableWriter newTable(String name, String columns) {
        StructType schema = StructType.fromDDL(columns);
        List<Row> rows = new ArrayList<>();
        return new TableWriter() {
            @Override
            public void row(Object... values) {
                rows.add(typedRow(values, schema));
            }

            @Override
            public void close() {
                register(name, spark.createDataFrame(rows, schema));
            }
        };
    }

    private static Object typed(Object v, StructField field) {
        if (v instanceof Number n) {
            if (field.dataType().equals(DataTypes.LongType)) {
                return n.longValue();
            }
            if (field.dataType().equals(DataTypes.IntegerType)) {
                return n.intValue();
            }
            if (field.dataType().equals(DataTypes.DoubleType)) {
                return n.doubleValue();
            }
        }
        return v;
    }

    @Override
    public List<String> columns(String table) {
        return Arrays.asList(spark.table(table).columns());
    }

    @Override
    public boolean tableExists(String table) {
        return spark.catalog().tableExists(table);
    }

    @Override
    public List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    private static boolean isParquet(Path file) {
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    @Override
    public void registerFile(String name, Path file) {
        Dataset<Row> df;
        try {
            if (isParquet(file)) {
                df = spark.read().parquet(file.toString());
            } else {
                StructType schema = new StructType();
                for (String column : CsvHeader.read(file)) {
                    schema = schema.add(column, DataTypes.StringType);
                }
                df = spark.read()
                        .option("header", "true")
                        .option("quote", "\"")
                        .option("escape", "\"")
                        .option("mode", "FAILFAST")
                        .option("multiLine", "true")
                        .schema(schema)
                        .csv(file.toString());
            }
            // rows numbered in file order: partitions follow the file, rows within each in order
            StructType numbered = df.schema().add(Dialect.SPARK.fileRowNumber(), DataTypes.LongType);
            JavaRDD<Row> rows = df.javaRDD().zipWithIndex().map(SparkEngine::withRowNumber);
            register(name, spark.createDataFrame(rows, numbered));
        } catch (RuntimeException e) {
            throw new PipelineException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static Row withRowNumber(Tuple2<Row, Long> t) {
        Object[] values = new Object[t._1().length() + 1];
        for (int i = 0; i < t._1().length(); i++) {
            values[i] = t._1().get(i);
        }
        values[values.length - 1] = t._2();
        return RowFactory.create(values);
    }

    @Override
    public List<String> fileColumns(Path file) {
        if (!isParquet(file)) {
            return CsvHeader.read(file);
        }
        return Arrays.asList(spark.read().parquet(file.toString()).columns());
    }

    /**
     * Spark writes a folder of part files. On a local master, one part is written and moved to {@code target},
     * so outputs look as DuckDB's do; on a cluster {@code target} is that folder (every Parquet reader takes it).
     */
    @Override
    public void writeFile(String query, Path target, FileFormat format) {
        Dataset<Row> df = sql(query);
        try {
            if (!local) {
                write(df, target.toString(), format);
                return;
            }
            Path parts = target.resolveSibling(target.getFileName() + ".parts");
            write(df.coalesce(1), parts.toString(), format);
            Path part;
            try (Stream<Path> files = Files.list(parts)) {
                part = files.filter(p -> p.getFileName().toString().startsWith("part-"))
                        .findFirst()
                        .orElseThrow();
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> files = Files.list(parts)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, query);
        }
    }

    private static void write(Dataset<Row> df, String path, FileFormat format) {
        if (format == FileFormat.PARQUET) {
            df.write().mode("overwrite").option("compression", "zstd").parquet(path);
        } else {
            df.write().mode("overwrite").option("header", "true").csv(path);
        }
    }

    /**
     * Rounds of label propagation with pointer jumping, as Spark SQL: every node takes the smallest label among
     * itself and its neighbours, then the label of that label. Labels only fall and stay inside the component, so
     * when no label changes each node holds the smallest node of its component. Each round's labels are
     * checkpointed, so the plan and lineage stay one round long however many rounds a long chain takes.
     */
    @Override
    public void connectedComponents(String name, String edgesQuery) {
        connectedComponents(name, edgesQuery, MAX_COMPONENT_ROUNDS);
    }

    /** Enough for chains of millions of records: pointer jumping roughly halves the distance to the root each round. */
    static final int MAX_COMPONENT_ROUNDS = 64;

    void connectedComponents(String name, String edgesQuery, int maxRounds) {
        createTable(
                "__cc_edges",
                "SELECT CAST(a AS BIGINT) AS a, CAST(b AS BIGINT) AS b FROM (" + edgesQuery + ") AS e(a, b)");
        createTable(
                "__cc_neighbours",
                "SELECT a AS node, b AS neighbour FROM __cc_edges UNION SELECT b, a FROM __cc_edges"
                        + " UNION SELECT a, a FROM __cc_edges UNION SELECT b, b FROM __cc_edges");
        dropTable("__cc_edges");
        checkpointTable("__cc_labels", "SELECT node, min(neighbour) AS label FROM __cc_neighbours GROUP BY node");
        int round = 0;
        while (true) {
            if (round++ == maxRounds) {
                dropTable("__cc_neighbours");
                dropTable("__cc_labels");
                throw new PipelineException("connected components did not settle within " + maxRounds
                        + " rounds of label propagation: the accepted pairs chain too many records together"
                        + " (raise match_threshold, or use clustering method average_linkage)");
            }
            checkpointTable(
                    "__cc_next",
                    "WITH spread AS (SELECT n.node, min(l.label) AS label FROM __cc_neighbours n"
                            + " JOIN __cc_labels l ON l.node = n.neighbour GROUP BY n.node)"
                            + " SELECT s.node, least(s.label, j.label) AS label FROM spread s"
                            + " JOIN spread j ON j.node = s.label");
            long changed = queryLong(
                    "SELECT count(*) FROM __cc_next n JOIN __cc_labels l USING (node)" + " WHERE n.label <> l.label");
            dropTable("__cc_labels");
            renameTable("__cc_next", "__cc_labels");
            if (changed == 0) {
                break;
            }
        }
        dropTable("__cc_neighbours");
        createTable(name, "SELECT node, label AS component FROM __cc_labels");
        dropTable("__cc_labels");
    }

    /**
     * Like {@link #createTable}, but the rows are checkpointed: to the checkpoint directory when the session has
     * one (they survive a lost executor), else on the executors. Spark's context cleaner frees them once dropped.
     */
    private void checkpointTable(String name, String query) {
        Dataset<Row> df = sql(query);
        try {
            boolean reliable = spark.sparkContext().getCheckpointDir().isDefined();
            Dataset<Row> stored = reliable ? df.checkpoint(true) : df.localCheckpoint(true);
            stored.createOrReplaceTempView(name);
            Dataset<Row> old = tables.put(name, stored);
            if (old != null) {
                old.unpersist();
            }
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, query);
        }
    }

    /** Spark's groupByKey: the groups are spread over the executors and each handled whole by one. */
    @Override
    public void createTableByGroup(String name, String columns, String query, GroupFunction function) {
        StructType schema = StructType.fromDDL(columns);
        Dataset<Row> rows = sql(query);
        try {
            Dataset<Row> out = rows.groupByKey(
                            (MapFunction<Row, Long>) r -> ((Number) r.get(0)).longValue(), Encoders.LONG())
                    .flatMapGroups(
                            (FlatMapGroupsFunction<Long, Row, Row>) (key, group) -> {
                                List<Object[]> values = new ArrayList<>();
                                while (group.hasNext()) {
                                    Row r = group.next();
                                    Object[] v = new Object[r.length()];
                                    for (int i = 0; i < v.length; i++) {
                                        v[i] = r.get(i);
                                    }
                                    values.add(v);
                                }
                                List<Row> emitted = new ArrayList<>();
                                function.apply(key, values, row -> emitted.add(typedRow(row, schema)));
                                return emitted.iterator();
                            },
                            Encoders.row(schema));
            register(name, out);
        } catch (RuntimeException e) {
            throw e instanceof PipelineException p ? p : failure(e, query);
        }
    }

    private static Row typedRow(Object[] values, StructType schema) {
        Object[] typed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            typed[i] = typed(values[i], schema.fields()[i]);
        }
        return RowFactory.create(typed);
    }

    @Override
    public void close() {
        for (Dataset<Row> df : tables.values()) {
            df.unpersist();
        }
        for (String name : tables.keySet()) {
            spark.catalog().dropTempView(name);
        }
        tables.clear();
        if (ownsSession) {
            spark.stop();
        }
    }
}
