package org.datafirst.linkage.pipeline;

import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "term frequencies": for every column with a term-frequency adjustment, adds
 * {@code __tf_<column>} to {@code records}: the share of non-null records having that value.
 */
public final class TermFrequencies {

    private TermFrequencies() {
    }

    public static String tfColumn(String column) {
        return "__tf_" + column;
    }

    public static void run(DuckDbSession db, LinkageSettings settings) {
        for (String col : settings.termFrequencyColumns()) {
            String c = Sql.ident(col);
            String tf = Sql.ident(tfColumn(col));
            if (db.columns(LoadStep.TABLE).contains(tfColumn(col))) {
                continue;
            }
            db.execute("CREATE OR REPLACE TABLE " + LoadStep.TABLE + " AS SELECT rec.*, t.tf AS " + tf + " FROM "
                    + LoadStep.TABLE + " rec LEFT JOIN (SELECT " + c + " AS v, count(*)::DOUBLE / sum(count(*)) OVER () AS tf FROM "
                    + LoadStep.TABLE + " WHERE " + c + " IS NOT NULL GROUP BY " + c + ") t ON rec." + c + " = t.v ORDER BY rec.__rid");
        }
    }
}
