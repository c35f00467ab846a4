package org.datafirst.linkage.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGeneratorTest {

    @Test
    void producesPersonsAcrossDatasetsAndRolesWithErrorsAndMissingFields(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("synth.parquet");
        long persons = new SyntheticGenerator(11).write(20_000, f);
        assertThat(persons).isBetween(8_000L, 16_000L);
        try (DuckDbSession db = TestDb.open()) {
            db.execute("CREATE TABLE s AS SELECT * FROM read_parquet('" + f + "')");
            assertThat(db.queryLong("SELECT count(*) FROM s")).isEqualTo(20_000);
            assertThat(db.queryLong("SELECT count(DISTINCT record_id) FROM s")).isEqualTo(20_000);
            assertThat(db.query("SELECT DISTINCT role FROM s ORDER BY 1")).extracting(r -> r.get(0))
                    .containsExactly("applicant", "child", "claimant", "defendant", "offender", "prisoner", "respondent");
            // people appear in more than one dataset
            assertThat(db.queryLong("SELECT count(*) FROM (SELECT person_id FROM s GROUP BY 1 HAVING count(DISTINCT source_dataset) > 1)"))
                    .isGreaterThan(1000);
            // missing dob is far more common for civil claimants than for prisoners
            double civil = db.queryDouble("SELECT avg((dob IS NULL)::INT) FROM s WHERE role = 'claimant'");
            double prison = db.queryDouble("SELECT avg((dob IS NULL)::INT) FROM s WHERE role = 'prisoner'");
            assertThat(civil).isGreaterThan(prison * 5);
            // the same person is sometimes recorded with a different first name (typo, diminutive, alias)
            assertThat(db.queryLong("SELECT count(*) FROM (SELECT person_id FROM s GROUP BY 1 HAVING count(DISTINCT first_name) > 1)"))
                    .isGreaterThan(200);
            // some day/month transpositions exist
            assertThat(db.queryLong("SELECT count(*) FROM s a JOIN s b ON a.person_id = b.person_id AND a.record_id < b.record_id "
                    + "AND substr(a.dob, 6, 2) = substr(b.dob, 9, 2) AND substr(a.dob, 9, 2) = substr(b.dob, 6, 2) AND a.dob <> b.dob"))
                    .isGreaterThan(0);
        }
    }

    @Test
    void typoChangesOneCharacter() {
        SyntheticGenerator g = new SyntheticGenerator(1);
        for (String s : List.of("margaret", "smith", "okafor")) {
            String t = g.typo(s);
            assertThat(Math.abs(t.length() - s.length())).isLessThanOrEqualTo(1);
        }
    }
}
