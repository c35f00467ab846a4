package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.TestDb;
import org.junit.jupiter.api.Test;

/**
 * DuckDB may collect a result from its threads in any order unless told to keep it; what the engine hands to
 * this process must keep the query's ORDER BY.
 */
class DuckDbOrderTest {

    @Test
    void sortedRowsArriveSorted() {
        try (Engine db = TestDb.open()) {
            db.execute("SET threads = 4");
            db.createTable("numbers", "SELECT hash(i) % 1000000 AS k FROM range(300000) t(i)");
            for (int attempt = 0; attempt < 3; attempt++) {
                List<Long> keys = new ArrayList<>();
                db.forEachRow("SELECT k FROM numbers ORDER BY k", r -> keys.add(r.getLong(1)));
                assertThat(keys).hasSize(300_000).isSorted();
                assertThat(db.query("SELECT k FROM numbers ORDER BY k DESC"))
                        .extracting(row -> ((Number) row.get(0)).longValue())
                        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
            }
        }
    }
}
