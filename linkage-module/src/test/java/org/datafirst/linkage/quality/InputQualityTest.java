package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.Test;

class InputQualityTest {

    @Test
    void countsPresentValuesThatAreNotDatesInTheFormatAndSuppressesSmallCounts() {
        var settings = SettingsParser.parse("""
                {"link_type": "dedupe_only", "unique_id_column_name": "uid",
                 "blocking_rules_to_generate_predictions": [{"block_on": ["dob"]}],
                 "comparisons": [{"column": "dob", "levels": [{"type": "null"}, {"type": "exact"},
                     {"type": "date_difference", "threshold": 1, "unit": "year", "date_format": "%Y%m%d"}, {"type": "else"}]},
                   {"column": "name", "levels": [{"type": "exact"}, {"type": "else"}]}],
                 "training": {"deterministic_rules": [{"block_on": ["dob"]}], "em_blocking_rules": [{"block_on": ["dob"]}]}}
                """);
        try (Engine db = TestDb.open()) {
            // 20 good dates, 12 impossible ones (month 13), 3 in another format, 5 missing (not counted)
            db.execute(
                    "CREATE TABLE records AS SELECT i AS __rid, 'ds' AS __sd, i::VARCHAR AS __uid, 'x' AS name, CASE "
                            + "WHEN i < 20 THEN '19800102' WHEN i < 32 THEN '19801302' WHEN i < 35 THEN '1980-01-02' END AS dob FROM range(40) t(i)");
            assertThat(InputQuality.unparsedDates(db, settings)).containsExactly(java.util.Map.entry("dob", 15L));
            assertThat(InputQuality.json(db, settings, new Disclosure(10))
                            .at("/unparsed_dates/dob")
                            .asLong())
                    .isEqualTo(15);
            assertThat(InputQuality.json(db, settings, new Disclosure(20))
                            .at("/unparsed_dates/dob/suppressed")
                            .asBoolean())
                    .isTrue();
        }
    }
}
