package org.datafirst.linkage.pipeline;

import java.util.List;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "term frequencies": for every column with a term-frequency adjustment, adds
 * {@code __tf_<column>} to {@code records}: the share of non-null records having that value.
 */
public final class TermFrequencies {

    private TermFrequencies() {}

    public static String tfColumn(String column) {
        return "__tf_" + column;
    }

    public static void run(Engine db, LinkageSettings settings) {
        List<String> existing = db.columns(LoadStep.TABLE);
        StringBuilder select = new StringBuilder("SELECT rec.*");
        StringBuilder joins = new StringBuilder();
        int i = 0;
        for (String col : settings.termFrequencyColumns()) {
            if (existing.contains(tfColumn(col))) {
                continue;
            }
            String c = Sql.ident(col);
            String t = "t" + i++;
            select.append(", ").append(t).append(".tf AS ").append(Sql.ident(tfColumn(col)));
            joins.append(" LEFT JOIN (SELECT ")
                    .append(c)
                    .append(" AS v, count(*)::DOUBLE / sum(count(*)) OVER () AS tf FROM ")
                    .append(LoadStep.TABLE)
                    .append(" WHERE ")
                    .append(c)
                    .append(" IS NOT NULL GROUP BY ")
                    .append(c)
                    .append(") ")
                    .append(t)
                    .append(" ON rec.")
                    .append(c)
                    .append(" = ")
                    .append(t)
                    .append(".v");
        }
        if (i > 0) {
            // the value tables are small: Spark joins them by broadcast (to DuckDB the hint is a comment)
            StringBuilder hint = new StringBuilder("/*+ BROADCAST(");
            for (int t = 0; t < i; t++) {
                hint.append(t == 0 ? "t" : ", t").append(t);
            }
            select.insert("SELECT ".length(), hint.append(") */ "));
            db.createTable(LoadStep.TABLE, select + " FROM " + LoadStep.TABLE + " rec" + joins);
        }
    }
}
