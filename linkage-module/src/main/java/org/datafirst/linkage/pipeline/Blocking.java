package org.datafirst.linkage.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Dialect;

/**
 * Step "block": the candidate pairs. Each pair appears once: {@code l.__rid < r.__rid}, and rule i
 * skips pairs that an earlier rule already produced ({@code AND NOT coalesce(rule_j, false)}), as
 * Splink does. For link_only, pairs within one source dataset are skipped. A rule with salting partitions
 * joins once per partition ({@link BlockingRule#saltedSql}).
 */
public final class Blocking {

    public static final String PAIRS_TABLE = "blocked_pairs";

    private Blocking() {}

    /** Condition every pair must meet, whatever the rule. */
    public static String pairFilter(LinkType linkType) {
        String f = "l.__rid < r.__rid";
        return linkType == LinkType.LINK_ONLY ? f + " AND l.__sd <> r.__sd" : f;
    }

    /** The join conditions of rule {@code index}, one per salting partition. */
    private static List<String> saltedConditions(List<BlockingRule> rules, int index, LinkType linkType, Dialect d) {
        StringBuilder others = new StringBuilder(" AND ").append(pairFilter(linkType));
        for (int j = 0; j < index; j++) {
            others.append(" AND NOT coalesce(").append(rules.get(j).sql(d)).append(", FALSE)");
        }
        return rules.get(index).saltedSql(d).stream().map(c -> c + others).toList();
    }

    /**
     * {@code SELECT <select>, i AS match_key FROM records l JOIN records r ON ...} for each rule,
     * joined with UNION ALL.
     */
    public static String pairsSql(List<BlockingRule> rules, LinkType linkType, Dialect d, String select) {
        return pairsSql(rules, linkType, d, select, null);
    }

    /** As above, keeping only pairs that also meet {@code extra} (e.g. the right record is new), when given. */
    public static String pairsSql(List<BlockingRule> rules, LinkType linkType, Dialect d, String select, String extra) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String condition : saltedConditions(rules, i, linkType, d)) {
                parts.add("SELECT " + select + ", " + i + " AS match_key FROM " + LoadStep.TABLE + " l JOIN "
                        + LoadStep.TABLE + " r ON " + (extra == null ? "" : extra + " AND ") + condition);
            }
        }
        return String.join("\nUNION ALL\n", parts);
    }

    /** Materialises {@code blocked_pairs(rid_l, rid_r, match_key)} and returns the pair count. */
    public static long run(Engine db, LinkageSettings settings, List<BlockingRule> rules) {
        db.createTable(
                PAIRS_TABLE, pairsSql(rules, settings.linkType(), db.dialect(), "l.__rid AS rid_l, r.__rid AS rid_r"));
        return db.queryLong("SELECT count(*) FROM " + PAIRS_TABLE);
    }

    /** Number of pairs the rules would produce (without storing them). */
    public static long count(Engine db, LinkageSettings settings, List<BlockingRule> rules) {
        long total = 0;
        for (int i = 0; i < rules.size(); i++) {
            for (String condition : saltedConditions(rules, i, settings.linkType(), db.dialect())) {
                total += db.queryLong(
                        "SELECT count(*) FROM " + LoadStep.TABLE + " l JOIN " + LoadStep.TABLE + " r ON " + condition);
            }
        }
        return total;
    }
}
