package org.datafirst.linkage.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.datafirst.linkage.engine.DuckDbEngine;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.EngineOptions;
import org.datafirst.linkage.sql.Sql;

/**
 * Facts of a generated file, as recorded (after errors): records, true people, distinct surnames,
 * the most common surname and its share of records, the share of the 100 most common surnames,
 * the largest true person (records of one {@code person_id}) and cases with two or more people.
 */
public record SyntheticSummary(
        long records,
        long people,
        long distinctSurnames,
        String topSurname,
        double topSurnameShare,
        double top100Share,
        long largestPerson,
        long sharedCases) {

    public static SyntheticSummary of(Path file, EngineOptions options) {
        String f = Sql.string(file.toAbsolutePath().toString());
        String read = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
                ? "read_parquet(" + f + ")"
                : "read_csv(" + f + ", all_varchar = true, header = true)";
        try (Engine db = DuckDbEngine.open(options)) {
            db.execute("CREATE TEMP TABLE s AS SELECT surname, person_id, source_dataset, case_id FROM " + read);
            db.execute(
                    "CREATE TEMP TABLE sn AS SELECT surname, count(*) AS n FROM s WHERE surname IS NOT NULL GROUP BY 1");
            List<Object> top = db.query("SELECT surname, n FROM sn ORDER BY n DESC, surname LIMIT 1")
                    .get(0);
            long records = db.queryLong("SELECT count(*) FROM s");
            double named = db.queryDouble("SELECT sum(n) FROM sn");
            return new SyntheticSummary(
                    records,
                    db.queryLong("SELECT count(DISTINCT person_id) FROM s"),
                    db.queryLong("SELECT count(*) FROM sn"),
                    (String) top.get(0),
                    ((Number) top.get(1)).doubleValue() / named,
                    db.queryDouble("SELECT sum(n) FROM (SELECT n FROM sn ORDER BY n DESC LIMIT 100)") / named,
                    db.queryLong("SELECT max(n) FROM (SELECT count(*) AS n FROM s GROUP BY person_id)"),
                    db.queryLong("SELECT count(*) FROM (SELECT 1 FROM s WHERE case_id IS NOT NULL AND case_id <> '' "
                            + "GROUP BY source_dataset, case_id HAVING count(DISTINCT person_id) > 1)"));
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "records %,d; true people %,d; distinct surnames %,d; top surname '%s' %.2f%% of records, "
                        + "top 100 surnames %.1f%%; largest true person %d records; cases with 2+ people %,d",
                records,
                people,
                distinctSurnames,
                topSurname,
                100 * topSurnameShare,
                100 * top100Share,
                largestPerson,
                sharedCases);
    }
}
