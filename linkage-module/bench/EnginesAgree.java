// Helper of bench/engines_agree.sh, run with the CLI jar on the class path
// (java -cp linkage-cli.jar EnginesAgree.java DUCKDB_OUT SPARK_OUT): compares two `run` output folders of the same
// input and settings. Prints every trained parameter (lambda, m, u) that differs by more than 1e-6, the scored
// pairs that one engine has and the other lacks or scores differently, and whether the person ids form the same
// partition of the records (and whether the ids themselves are equal). Exits 1 when anything differs.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

public class EnginesAgree {
    static final double TOLERANCE = 1e-6;
    static Statement st;

    public static void main(String[] a) throws Exception {
        Path duck = Path.of(a[0]);
        Path spark = Path.of(a[1]);
        boolean same = compareModels(duck.resolve("model.json"), spark.resolve("model.json"));
        st = DriverManager.getConnection("jdbc:duckdb:").createStatement();
        st.execute("SET threads = 2");
        if (Files.exists(duck.resolve("scored_pairs.parquet")) && Files.exists(spark.resolve("scored_pairs.parquet"))) {
            same &= comparePairs(duck.resolve("scored_pairs.parquet"), spark.resolve("scored_pairs.parquet"));
        } else {
            System.out.println("scored pairs: not compared (a run wrote none)");
        }
        same &= compareClusters(duck.resolve("clusters.parquet"), spark.resolve("clusters.parquet"));
        System.out.println(same ? "AGREE: same parameters (within 1e-6), scored pairs (where written) and clusters" : "DIFFER (see above)");
        System.exit(same ? 0 : 1);
    }

    static boolean compareModels(Path duckFile, Path sparkFile) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode d = json.readTree(duckFile.toFile());
        JsonNode s = json.readTree(sparkFile.toFile());
        int compared = 1;
        double max = Math.abs(d.path("probability_two_random_records_match").asDouble()
                - s.path("probability_two_random_records_match").asDouble());
        boolean same = report("lambda", d.path("probability_two_random_records_match"),
                s.path("probability_two_random_records_match"));
        for (int c = 0; c < d.path("comparisons").size(); c++) {
            JsonNode dc = d.path("comparisons").get(c);
            JsonNode sc = s.path("comparisons").path(c);
            for (int l = 0; l < dc.path("levels").size(); l++) {
                JsonNode dl = dc.path("levels").get(l);
                JsonNode sl = sc.path("levels").path(l);
                for (String p : new String[] {"m_probability", "u_probability"}) {
                    String name = dc.path("output_column_name").asText() + " gamma " + dl.path("gamma").asInt() + " " + p;
                    same &= report(name, dl.path(p), sl.path(p));
                    max = Math.max(max, Math.abs(dl.path(p).asDouble() - sl.path(p).asDouble()));
                    compared++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "parameters: %d compared, largest difference %.3g (tolerance %.0e)%n",
                compared, max, TOLERANCE);
        return same;
    }

    static boolean report(String name, JsonNode duck, JsonNode spark) {
        if (duck.isMissingNode() || spark.isMissingNode()) {
            System.out.println("  " + name + ": only on " + (duck.isMissingNode() ? "Spark" : "DuckDB"));
            return false;
        }
        double diff = Math.abs(duck.asDouble() - spark.asDouble());
        if (diff > TOLERANCE) {
            System.out.printf(Locale.ROOT, "  %s: DuckDB %.10g, Spark %.10g (difference %.3g)%n",
                    name, duck.asDouble(), spark.asDouble(), diff);
            return false;
        }
        return true;
    }

    static boolean comparePairs(Path duckFile, Path sparkFile) throws Exception {
        st.execute("CREATE TABLE pd AS SELECT * FROM read_parquet('" + duckFile + "')");
        st.execute("CREATE TABLE ps AS SELECT * FROM read_parquet('" + sparkFile + "')");
        String key = "source_dataset_l, unique_id_l, source_dataset_r, unique_id_r";
        long duckOnly = count("SELECT count(*) FROM (SELECT " + key + " FROM pd EXCEPT ALL SELECT " + key + " FROM ps)");
        long sparkOnly = count("SELECT count(*) FROM (SELECT " + key + " FROM ps EXCEPT ALL SELECT " + key + " FROM pd)");
        ResultSet r = st.executeQuery("SELECT (SELECT count(*) FROM pd), (SELECT count(*) FROM ps), "
                + "count(*) FILTER (WHERE abs(d.match_probability - s.match_probability) > " + TOLERANCE + "), "
                + "coalesce(max(abs(d.match_weight - s.match_weight)), 0), "
                + "count(*) FILTER (WHERE d.match_key <> s.match_key) FROM pd d JOIN ps s USING (" + key + ")");
        r.next();
        long scoredDifferently = r.getLong(3);
        long otherKey = r.getLong(5);
        System.out.printf(Locale.ROOT,
                "scored pairs: DuckDB %,d, Spark %,d; only on DuckDB %,d, only on Spark %,d; probability differs by"
                        + " > 1e-6 on %,d; largest weight difference %.3g; other blocking rule on %,d%n",
                r.getLong(1), r.getLong(2), duckOnly, sparkOnly, scoredDifferently, r.getDouble(4), otherKey);
        return duckOnly == 0 && sparkOnly == 0 && scoredDifferently == 0 && otherKey == 0;
    }

    static boolean compareClusters(Path duckFile, Path sparkFile) throws Exception {
        ResultSet cols = st.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('" + duckFile
                + "')) WHERE column_name NOT IN ('source_dataset', 'unique_id') LIMIT 1");
        cols.next();
        String idColumn = cols.getString(1);
        String id = "\"" + idColumn + "\"";
        st.execute("CREATE TABLE c AS SELECT source_dataset, unique_id, d." + id + " AS d_id, s." + id + " AS s_id "
                + "FROM read_parquet('" + duckFile + "') d FULL JOIN read_parquet('" + sparkFile + "') s "
                + "USING (source_dataset, unique_id)");
        // A record is placed alike when the DuckDB cluster holding it and the Spark cluster holding it are one and
        // the same set of records: each of its two clusters maps onto exactly one cluster of the other engine.
        ResultSet r = st.executeQuery("WITH d AS (SELECT d_id, count(DISTINCT s_id) AS n FROM c GROUP BY d_id), "
                + "s AS (SELECT s_id, count(DISTINCT d_id) AS n FROM c GROUP BY s_id) "
                + "SELECT count(*), count(*) FILTER (WHERE c.d_id IS NULL OR c.s_id IS NULL), "
                + "count(DISTINCT c.d_id), count(DISTINCT c.s_id), "
                + "count(*) FILTER (WHERE d.n > 1 OR s.n > 1 OR c.d_id IS NULL OR c.s_id IS NULL), "
                + "count(*) FILTER (WHERE c.d_id IS DISTINCT FROM c.s_id) "
                + "FROM c LEFT JOIN d USING (d_id) LEFT JOIN s USING (s_id)");
        r.next();
        long misplaced = r.getLong(5);
        System.out.printf(Locale.ROOT,
                "clusters (%s): records %,d (in one output only %,d); clusters DuckDB %,d, Spark %,d; records whose"
                        + " cluster differs %,d -> %s partition; records with a different id %,d%n",
                idColumn, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), misplaced,
                misplaced == 0 ? "identical" : "DIFFERENT", r.getLong(6));
        return misplaced == 0;
    }

    static long count(String sql) throws Exception {
        ResultSet r = st.executeQuery(sql);
        r.next();
        return r.getLong(1);
    }
}
