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
import java.util.stream.Collectors;
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

    /** LINKAGE_TRACE set: each step's table or query and its seconds go to stderr, to see where a long run spends. */
    private static final boolean TRACE = System.getenv("LINKAGE_TRACE") != null;

    private static void trace(String what, long t0) {
        if (TRACE) {
            System.err.printf("TRACE %-30s %8.2f s%n", what, (System.nanoTime() - t0) / 1e9);
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
        long t0 = System.nanoTime();
        Dataset<Row> df = sql(query);
        try {
            register(name, df);
            trace(name, t0);
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
        keep(name, df.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK()));
    }

    /** Serves {@code stored} as the view {@code name}, releasing the rows the name held before. */
    private void keep(String name, Dataset<Row> stored) {
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
            long t0 = System.nanoTime();
            rows = sql(sql, params).collectAsList();
            trace("query " + sql.substring(0, Math.min(40, sql.length())).replace('\n', ' '), t0);
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
     * Alternating large-star and small-star rounds (Kiveris et al., "Connected Components in MapReduce and
     * Beyond", 2014) as Spark SQL. Each edge is kept as (smaller node, larger node). Large-star joins every node's
     * larger neighbours to the smallest node of its neighbourhood; small-star joins every node and its smaller
     * neighbours to the smallest of those. Both keep each component's nodes connected and move edges towards its
     * smallest node, until each component is a star around it: O(log n) rounds, where label propagation needs as
     * many rounds as the longest path in a component. A component that has become that star is written out and
     * its edges leave the rounds, so a round costs only the components still being joined: most settle in the
     * first round or two. Each round's tables are checkpointed, so the plan and lineage stay one round long.
     */
    @Override
    public void connectedComponents(String name, String edgesQuery) {
        connectedComponents(name, edgesQuery, MAX_COMPONENT_ROUNDS);
    }

    /** Far more than a component of millions of records needs: a round roughly halves its longest path. */
    static final int MAX_COMPONENT_ROUNDS = 64;

    void connectedComponents(String name, String edgesQuery, int maxRounds) {
        createTable(
                "__cc_input",
                "SELECT CAST(a AS BIGINT) AS a, CAST(b AS BIGINT) AS b FROM (" + edgesQuery + ") AS e(a, b)");
        // a node whose only edge is to itself is a component of its own
        checkpointTable("__cc_nodes", "SELECT a AS node FROM __cc_input UNION SELECT b FROM __cc_input");
        checkpointTable(
                "__cc_edges", "SELECT DISTINCT least(a, b) AS a, greatest(a, b) AS b FROM __cc_input WHERE a <> b");
        dropTable("__cc_input");
        List<String> stars = new ArrayList<>();
        int round = 0;
        while (queryLong("SELECT count(*) FROM __cc_edges") > 0) {
            if (round++ == maxRounds) {
                stars.forEach(this::dropTable);
                dropTable("__cc_nodes");
                dropTable("__cc_edges");
                throw new PipelineException("connected components did not settle within " + maxRounds
                        + " rounds: the accepted pairs chain too many records together"
                        + " (raise match_threshold, or use clustering method average_linkage)");
            }
            checkpointTable(
                    "__cc_large",
                    "WITH n AS (SELECT a AS u, b AS v FROM __cc_edges UNION ALL SELECT b, a FROM __cc_edges)"
                            + " SELECT DISTINCT m AS a, v AS b FROM (SELECT u, v,"
                            + " least(u, min(v) OVER (PARTITION BY u)) AS m FROM n) WHERE v > u");
            dropTable("__cc_edges");
            checkpointTable(
                    "__cc_small",
                    "WITH s AS (SELECT a, b, min(a) OVER (PARTITION BY b) AS m FROM __cc_large)"
                            + " SELECT DISTINCT m AS a, x AS b FROM"
                            + " (SELECT m, a AS x FROM s UNION ALL SELECT m, b FROM s) WHERE x <> m");
            dropTable("__cc_large");
            // a star around its smallest node: the centre is never the larger end of an edge, and each of its
            // leaves is the larger end of that one edge only
            checkpointTable(
                    "__cc_marked",
                    "WITH ends AS (SELECT node, sum(larger) AS larger, sum(1 - larger) AS smaller FROM"
                            + " (SELECT a AS node, 0 AS larger FROM __cc_small UNION ALL SELECT b, 1 FROM __cc_small)"
                            + " GROUP BY node),"
                            + " leaf AS (SELECT e.a, e.b, (lb.larger = 1 AND lb.smaller = 0 AND la.larger = 0) AS leaf"
                            + " FROM __cc_small e JOIN ends la ON la.node = e.a JOIN ends lb ON lb.node = e.b)"
                            + " SELECT a, b, bool_and(leaf) OVER (PARTITION BY a) AS star FROM leaf");
            dropTable("__cc_small");
            String star = "__cc_star_" + round;
            checkpointTable(
                    star,
                    "SELECT b AS node, a AS component FROM __cc_marked WHERE star"
                            + " UNION ALL SELECT DISTINCT a, a FROM __cc_marked WHERE star");
            stars.add(star);
            checkpointTable("__cc_edges", "SELECT a, b FROM __cc_marked WHERE NOT star");
            dropTable("__cc_marked");
        }
        dropTable("__cc_edges");
        String settled = stars.isEmpty()
                ? "SELECT CAST(NULL AS BIGINT) AS node, CAST(NULL AS BIGINT) AS component WHERE false"
                : stars.stream()
                        .map(t -> "SELECT node, component FROM " + t)
                        .collect(Collectors.joining(" UNION ALL "));
        createTable(
                name,
                "SELECT n.node, coalesce(s.component, n.node) AS component FROM __cc_nodes n LEFT JOIN (" + settled
                        + ") s ON s.node = n.node");
        stars.forEach(this::dropTable);
        dropTable("__cc_nodes");
    }

    /**
     * Like {@link #createTable}, but the rows are checkpointed: to the checkpoint directory when the session has
     * one (they survive a lost executor), else on the executors. Spark's context cleaner frees them once dropped.
     * The table is read back through its rows, so it carries no size estimate: a checkpoint keeps the estimate
     * of the query that made it, a join's estimate is the product of its inputs', and over rounds that feed on
     * each other the estimate's digits double every round until planning a round stalls in that arithmetic.
     */
    private void checkpointTable(String name, String query) {
        long t0 = System.nanoTime();
        Dataset<Row> df = sql(query);
        try {
            boolean reliable = spark.sparkContext().getCheckpointDir().isDefined();
            Dataset<Row> checkpointed = reliable ? df.checkpoint(true) : df.localCheckpoint(true);
            keep(name, spark.createDataFrame(checkpointed.javaRDD(), checkpointed.schema()));
            trace("checkpoint " + name, t0);
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
            long t0 = System.nanoTime();
            register(name, out);
            trace("by group " + name, t0);
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
