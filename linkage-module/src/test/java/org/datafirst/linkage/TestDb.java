package org.datafirst.linkage;

import java.nio.file.Path;
import org.datafirst.linkage.engine.DuckDbEngine;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.EngineOptions;
import org.datafirst.linkage.sql.Dialect;

/** Small in-memory DuckDB sessions for tests. */
public final class TestDb {

    private TestDb() {}

    public static Engine open() {
        return DuckDbEngine.open(
                new EngineOptions(1, "512MB", Path.of(System.getProperty("java.io.tmpdir"), "test-spill")));
    }

    /**
     * Creates {@code records} from literal rows, adding __rid (0..n-1), __sd and __uid as the load
     * step would. {@code valuesSql} is e.g. {@code "('a', 'x'), ('b', NULL)"} for {@code columns}
     * {@code "uid, name"}; a column named uid becomes __uid, sd becomes __sd (default 'ds'). DuckDB numbers the
     * rows as written; Spark numbers rows only in an order, so there __rid follows uid.
     */
    public static void records(Engine db, String columns, String valuesSql) {
        db.createTable("__lit", "SELECT * FROM (VALUES " + valuesSql + ") t(" + columns + ")");
        boolean hasSd = db.columns("__lit").contains("sd");
        db.createTable(
                "records",
                "SELECT (row_number() OVER (" + (db.dialect() == Dialect.SPARK ? "ORDER BY uid" : "")
                        + ") - 1)::BIGINT AS __rid, " + (hasSd ? "sd" : "'ds'")
                        + " AS __sd, CAST(uid AS " + db.dialect().textType() + ") AS __uid, * FROM __lit");
    }
}
