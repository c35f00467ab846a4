package org.datafirst.linkage;

import java.nio.file.Path;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.datafirst.linkage.pipeline.EngineOptions;

/** Small in-memory DuckDB sessions for tests. */
public final class TestDb {

    private TestDb() {}

    public static DuckDbSession open() {
        return DuckDbSession.open(
                new EngineOptions(1, "512MB", Path.of(System.getProperty("java.io.tmpdir"), "test-spill")));
    }

    /**
     * Creates {@code records} from literal rows, adding __rid (0..n-1), __sd and __uid as the load
     * step would. {@code valuesSql} is e.g. {@code "('a', 'x'), ('b', NULL)"} for {@code columns}
     * {@code "uid, name"}; a column named uid becomes __uid, sd becomes __sd (default 'ds').
     */
    public static void records(DuckDbSession db, String columns, String valuesSql) {
        db.execute("CREATE OR REPLACE TABLE __lit AS SELECT * FROM (VALUES " + valuesSql + ") t(" + columns + ")");
        boolean hasSd = db.columns("__lit").contains("sd");
        db.execute("CREATE OR REPLACE TABLE records AS SELECT (row_number() OVER () - 1)::BIGINT AS __rid, "
                + (hasSd ? "sd" : "'ds'") + " AS __sd, CAST(uid AS VARCHAR) AS __uid, * FROM __lit");
    }
}
