// Helper of bench/refresh.sh, run with the CLI jar on the class path (java -cp linkage-cli.jar RefreshCheck.java …):
//   split FILE FIRST_N A.parquet B.parquet    the first FIRST_N rows of FILE and the rest, in file order
//                                             (FIRST_N negative, -k: every row but each k-th, and each k-th)
//   measure FILE FIRST_N FIRST_OUT REFRESH_OUT LINKED_OUT PERSON_ID_COLUMN
// prints how many of the first FIRST_N records whose true person gained no records kept their id in the refresh,
// and how link-new's person ids agree with the refresh's and with the truth (pairwise).
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

public class RefreshCheck {
    static Statement st;

    public static void main(String[] a) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        st = c.createStatement();
        st.execute("SET threads = 2");
        String file = "'" + a[1].replace("'", "''") + "'";
        long first = Long.parseLong(a[2]);
        st.execute("CREATE TABLE t AS SELECT *, file_row_number AS __row, " + (first >= 0 ? "file_row_number < " + first
                : "file_row_number % " + (-first) + " <> " + (-first - 1)) + " AS __old FROM read_parquet(" + file + ", file_row_number = true)");
        if (a[0].equals("split")) {
            st.execute("COPY (SELECT * EXCLUDE (__row, __old) FROM t WHERE __old ORDER BY __row) TO '" + a[3] + "' (FORMAT parquet)");
            st.execute("COPY (SELECT * EXCLUDE (__row, __old) FROM t WHERE NOT __old ORDER BY __row) TO '" + a[4] + "' (FORMAT parquet)");
            return;
        }
        String id = "\"" + a[6] + "\"";
        for (int k = 0; k < 3; k++) {
            String name = new String[] {"first", "refresh", "linked"}[k];
            st.execute("CREATE TABLE " + name + " AS SELECT source_dataset, unique_id, " + id + " AS id FROM read_parquet('" + a[3 + k]
                    + "/clusters.parquet')");
        }
        st.execute("CREATE TABLE r AS SELECT t.source_dataset, CAST(t.record_id AS VARCHAR) AS uid, t.person_id, t.__old AS old, f.id AS id_first, s.id AS id_refresh, l.id AS id_linked FROM t"
                + " LEFT JOIN first f ON f.source_dataset = t.source_dataset AND f.unique_id = CAST(t.record_id AS VARCHAR)"
                + " JOIN refresh s ON s.source_dataset = t.source_dataset AND s.unique_id = CAST(t.record_id AS VARCHAR)"
                + " JOIN linked l ON l.source_dataset = t.source_dataset AND l.unique_id = CAST(t.record_id AS VARCHAR)");
        // people of the first part whose true person gained no records in the rest
        st.execute("CREATE TABLE stable AS SELECT person_id FROM r GROUP BY person_id HAVING bool_and(old)");
        row("records of the first part whose true person gained no records: %d; kept their id in the refresh: %d (%.4f%%)",
                "SELECT count(*), count(*) FILTER (WHERE id_first = id_refresh), 100.0 * count(*) FILTER (WHERE id_first = id_refresh) / count(*)"
                        + " FROM r JOIN stable USING (person_id)");
        row("  their true people: %d; all of whose records kept their id: %d (%.4f%%)",
                "SELECT count(*), count(*) FILTER (WHERE k), 100.0 * count(*) FILTER (WHERE k) / count(*) FROM (SELECT person_id,"
                        + " bool_and(id_first = id_refresh) AS k FROM r JOIN stable USING (person_id) GROUP BY person_id)");
        row("all records of the first part: %d; kept their id in the refresh: %d (%.4f%%); in link-new: %d (%.4f%%)",
                "SELECT count(*), count(*) FILTER (WHERE id_first = id_refresh), 100.0 * count(*) FILTER (WHERE id_first = id_refresh) / count(*),"
                        + " count(*) FILTER (WHERE id_first = id_linked), 100.0 * count(*) FILTER (WHERE id_first = id_linked) / count(*) FROM r WHERE old");
        // pairwise agreement: pairs sharing an id in both partitions
        pairs("link-new vs the refresh (all records)", "id_linked", "id_refresh", "true");
        pairs("link-new vs the refresh (pairs within each partition's clusters holding a new record)", "id_linked", "id_refresh", "NOT old");
        pairs("refresh vs truth", "id_refresh", "person_id", "true");
        pairs("link-new vs truth", "id_linked", "person_id", "true");
        row("new records: %d; placed with exactly the same records as in the refresh: %d (%.4f%%); given the same id of the first run: %d",
                "SELECT count(*), count(*) FILTER (WHERE nl = nr AND nr = nb), 100.0 * count(*) FILTER (WHERE nl = nr AND nr = nb) / count(*),"
                        + " count(*) FILTER (WHERE id_linked = id_refresh AND id_linked <= (SELECT max(id_first) FROM r)) FROM (SELECT *, count(*) OVER (PARTITION BY id_linked) AS nl,"
                        + " count(*) OVER (PARTITION BY id_refresh) AS nr, count(*) OVER (PARTITION BY id_linked, id_refresh) AS nb FROM r) WHERE NOT old");
    }

    /** Pairwise precision / recall / F1 of partition a against partition b (as truth), over clusters holding a record that meets {@code where}. */
    static void pairs(String what, String a, String b, String where) throws Exception {
        String pairsOf = "SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM r WHERE %s IN (SELECT %s FROM r WHERE " + where
                + ") GROUP BY %s)";
        String both = "SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM r WHERE " + a + " IN (SELECT " + a
                + " FROM r WHERE " + where + ") GROUP BY " + a + ", " + b + ")";
        double pa = one(String.format(pairsOf, a, a, a));
        double pb = one(String.format(pairsOf, b, b, b));
        double ab = one(both);
        System.out.printf(Locale.ROOT, "%s: pairs %.0f vs %.0f, shared %.0f: precision %.4f recall %.4f F1 %.4f%n", what, pa, pb, ab, ab / pa,
                ab / pb, 2 * ab / (pa + pb));
    }

    static double one(String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    static void row(String format, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            Object[] v = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.getObject(i + 1);
            }
            System.out.println(String.format(Locale.ROOT, format, v));
        }
    }
}
