package org.datafirst.linkage.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Dialect;
import org.datafirst.linkage.sql.Sql;

/** Step "comparison vectors": one gamma column per comparison for each pair. */
public final class ComparisonVectors {

    public static final String TABLE = "comparison_vectors";

    private ComparisonVectors() {}

    /** {@code CASE ... END AS "gamma_x", ...} over {@code l} and {@code r}. */
    public static String gammaSelect(List<Comparison> comparisons, Dialect d) {
        return comparisons.stream()
                .map(c -> c.gammaSql(d) + " AS " + Sql.ident(c.gammaColumn()))
                .collect(Collectors.joining(", "));
    }

    /** Gamma columns by name, comma separated. */
    public static String gammaColumns(List<Comparison> comparisons) {
        return comparisons.stream().map(c -> Sql.ident(c.gammaColumn())).collect(Collectors.joining(", "));
    }

    /** {@code comparison_vectors(rid_l, rid_r, match_key, gamma_...)} for the pairs in {@code pairsTable}. */
    public static void run(Engine db, LinkageSettings settings, String pairsTable) {
        db.createTable(
                TABLE,
                "SELECT p.rid_l, p.rid_r, p.match_key, "
                        + gammaSelect(settings.comparisons(), db.dialect()) + " FROM " + pairsTable + " p JOIN "
                        + LoadStep.TABLE + " l ON l.__rid = p.rid_l JOIN " + LoadStep.TABLE
                        + " r ON r.__rid = p.rid_r");
    }
}
