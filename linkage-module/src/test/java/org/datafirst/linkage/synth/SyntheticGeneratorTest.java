package org.datafirst.linkage.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facts of 200,000 generated records. {@code firsts} holds each person's first record, which the
 * generator writes without errors, so it shows people as they really are.
 */
class SyntheticGeneratorTest {

    private static final int RECORDS = 200_000;

    @TempDir
    static Path dir;

    private static Engine db;
    private static long persons;

    @BeforeAll
    static void generate() throws IOException {
        Path f = dir.resolve("synth.csv");
        persons = new SyntheticGenerator(11).write(RECORDS, f);
        db = TestDb.open();
        db.execute("CREATE TABLE s AS SELECT *, CAST(substr(record_id, 2) AS BIGINT) AS n FROM read_csv('" + f
                + "', all_varchar = true, header = true)");
        db.execute(
                "CREATE TABLE firsts AS SELECT * FROM s QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY n) = 1");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        new SyntheticGenerator(7).write(30_000, tmp.resolve("a.csv"));
        new SyntheticGenerator(7).write(30_000, tmp.resolve("b.csv"));
        new SyntheticGenerator(8).write(30_000, tmp.resolve("c.csv"));
        assertThat(Files.mismatch(tmp.resolve("a.csv"), tmp.resolve("b.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(tmp.resolve("a.csv"), tmp.resolve("c.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void everyRecordHasItsTruthAndPersonIdsCountFromOne() {
        assertThat(db.queryLong("SELECT count(*) FROM s")).isEqualTo(RECORDS);
        assertThat(db.queryLong("SELECT count(DISTINCT record_id) FROM s")).isEqualTo(RECORDS);
        assertThat(db.queryLong("SELECT count(*) FROM s WHERE person_id IS NULL"))
                .isZero();
        assertThat(db.queryLong("SELECT count(DISTINCT person_id) FROM s")).isEqualTo(persons);
        assertThat(db.queryLong("SELECT max(CAST(person_id AS BIGINT)) FROM s")).isEqualTo(persons);
        assertThat(db.columns("s"))
                .startsWith(
                        "record_id",
                        "source_dataset",
                        "role",
                        "first_name",
                        "surname",
                        "dob",
                        "sex",
                        "postcode",
                        "person_id",
                        "case_id");
    }

    @Test
    void allSevenDatasetsAppearWithTheirRoles() {
        assertThat(db.query("SELECT DISTINCT source_dataset || '/' || role FROM s ORDER BY 1"))
                .extracting(r -> r.get(0))
                .containsExactly(
                        "civil/claimant",
                        "civil/defendant",
                        "crown/defendant",
                        "family/applicant",
                        "family/child",
                        "family/respondent",
                        "magistrates/defendant",
                        "oasys/offender",
                        "prison/prisoner",
                        "probation/offender");
        // every dataset holds at least 3% of the records
        assertThat(db.queryDouble(
                        "SELECT min(n) FROM (SELECT count(*) / " + RECORDS + " AS n FROM s GROUP BY source_dataset)"))
                .isGreaterThan(0.03);
    }

    static Stream<Arguments> distributionFacts() {
        String surnamePeople = "SELECT count(*) AS k FROM firsts WHERE surname IS NOT NULL GROUP BY surname";
        return Stream.of(
                Arguments.of(
                        "share of people with the most common surname",
                        "SELECT max(k) / sum(k) FROM (" + surnamePeople + ")",
                        0.007,
                        0.018),
                Arguments.of(
                        "share of people with one of the 100 most common surnames",
                        "SELECT sum(k) FILTER (WHERE r <= 100) / sum(k) FROM (SELECT k, row_number() OVER (ORDER BY k DESC) AS r FROM ("
                                + surnamePeople + "))",
                        0.13,
                        0.23),
                Arguments.of(
                        "distinct surnames of people", "SELECT count(*) FROM (" + surnamePeople + ")", 20_000, 1e9),
                Arguments.of(
                        "share of people whose surname at most 5 people in the file have (the long tail)",
                        "SELECT sum(k) FILTER (WHERE k <= 5) / sum(k) FROM (" + surnamePeople + ")",
                        0.15,
                        0.6),
                Arguments.of(
                        "share of men with the most common male first name",
                        "SELECT max(k) / sum(k) FROM (SELECT count(*) AS k FROM firsts WHERE sex = 'M' GROUP BY first_name)",
                        0.015,
                        0.06),
                Arguments.of(
                        "distinct first names of people", "SELECT count(DISTINCT first_name) FROM firsts", 300, 1e9),
                Arguments.of("records per person", "SELECT count(*) / count(DISTINCT person_id) FROM s", 2.0, 4.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributionFacts")
    void namesFollowRealisticFrequencies(String fact, String sql, double min, double max) {
        assertThat(db.queryDouble(sql)).as(fact).isBetween(min, max);
    }

    @Test
    void twinsShareSurnameDobAndPostcodeButNotTheirFirstName() {
        db.createTable(
                "twins",
                "SELECT a.first_name AS fa, b.first_name AS fb, a.sex AS sa, b.sex AS sb "
                        + "FROM firsts a JOIN firsts b ON a.surname = b.surname AND a.dob = b.dob AND a.postcode = b.postcode "
                        + "AND a.person_id < b.person_id");
        assertThat(db.queryLong("SELECT count(*) FROM twins")).isGreaterThan(150);
        assertThat(db.queryLong("SELECT count(*) FROM twins WHERE fa = fb")).isZero();
        assertThat(db.queryDouble("SELECT avg((sa = sb)::INT) FROM twins WHERE sa IS NOT NULL AND sb IS NOT NULL"))
                .isBetween(0.5, 0.8);
    }

    @Test
    void siblingsAndParentsShareSurnameAndPostcodeAndSomeSonsShareTheirFathersName() {
        String sameHome =
                "SELECT a.first_name = b.first_name AS same_first, abs(datediff('day', CAST(a.dob AS DATE), CAST(b.dob AS DATE))) / 365.25 AS years "
                        + "FROM firsts a JOIN firsts b ON a.surname = b.surname AND a.postcode = b.postcode AND a.person_id < b.person_id "
                        + "WHERE a.dob IS NOT NULL AND b.dob IS NOT NULL";
        db.createTable("home", "" + sameHome);
        assertThat(db.queryLong("SELECT count(*) FROM home WHERE years BETWEEN 1 AND 11"))
                .as("siblings")
                .isGreaterThan(2_000);
        assertThat(db.queryLong("SELECT count(*) FROM home WHERE years BETWEEN 18 AND 41"))
                .as("parent and child")
                .isGreaterThan(2_000);
        assertThat(db.queryLong("SELECT count(*) FROM home WHERE years BETWEEN 18 AND 41 AND same_first"))
                .as("junior")
                .isGreaterThan(25);
    }

    @Test
    void casesGroupDifferentPeopleOftenRelativesOrNeighbours() {
        // same source dataset and case id => different people (the cannot-link rule)
        assertThat(db.queryLong("SELECT count(*) FROM (SELECT 1 FROM s WHERE case_id IS NOT NULL "
                        + "GROUP BY source_dataset, case_id HAVING count(*) > count(DISTINCT person_id))"))
                .isZero();
        db.createTable(
                "codef",
                "SELECT x.sd, x.c, count(*) AS people, count(DISTINCT f.surname) AS surnames, "
                        + "count(DISTINCT split_part(f.postcode, ' ', 1)) AS districts FROM (SELECT person_id, source_dataset AS sd, case_id AS c FROM s "
                        + "WHERE source_dataset IN ('magistrates', 'crown') AND case_id IS NOT NULL) x JOIN firsts f USING (person_id) "
                        + "GROUP BY 1, 2 HAVING count(*) > 1");
        assertThat(db.queryLong("SELECT count(*) FROM codef WHERE sd = 'magistrates'"))
                .isGreaterThan(4_000);
        assertThat(db.queryLong("SELECT max(people) FROM codef")).isBetween(4L, 5L);
        assertThat(db.queryDouble("SELECT avg((surnames < people OR districts < people)::INT) FROM codef"))
                .isGreaterThan(0.75);
        // family court cases hold an applicant, a respondent and the children
        assertThat(
                        db.queryDouble(
                                "SELECT avg(k) FROM (SELECT count(*) AS k FROM s WHERE source_dataset = 'family' GROUP BY case_id)"))
                .isBetween(3.0, 4.0);
    }

    @Test
    void onlyCourtsHaveCaseIds() {
        assertThat(db.query("SELECT source_dataset, avg((case_id IS NOT NULL)::INT) FROM s GROUP BY 1 ORDER BY 1"))
                .extracting(r -> r.get(0) + "=" + ((Number) r.get(1)).intValue())
                .containsExactly(
                        "civil=1", "crown=1", "family=1", "magistrates=1", "oasys=0", "prison=0", "probation=0");
    }

    @Test
    void prisonersUsuallyAppearInCrownCourtOrProbationToo() {
        assertThat(
                        db.queryDouble(
                                "SELECT avg(other::INT) FROM (SELECT person_id, bool_or(source_dataset IN ('crown', 'probation')) AS other "
                                        + "FROM s WHERE person_id IN (SELECT person_id FROM s WHERE source_dataset = 'prison') GROUP BY 1)"))
                .isGreaterThan(0.85);
        assertThat(
                        db.queryLong(
                                "SELECT count(*) FROM (SELECT person_id FROM s GROUP BY 1 HAVING count(DISTINCT source_dataset) > 2)"))
                .isGreaterThan(10_000);
    }

    @Test
    void laterRecordsCarryErrorsAliasesAndMissingFields() {
        // missing dob is far more common for civil claimants than for prisoners
        double civil = db.queryDouble("SELECT avg((dob IS NULL)::INT) FROM s WHERE role = 'claimant'");
        double prison = db.queryDouble("SELECT avg((dob IS NULL)::INT) FROM s WHERE role = 'prisoner'");
        assertThat(civil).isGreaterThan(prison * 5);
        String later = "FROM s JOIN firsts f USING (person_id) WHERE s.n > f.n";
        assertThat(db.queryLong("SELECT count(DISTINCT person_id) " + later + " AND s.first_name <> f.first_name"))
                .isGreaterThan(3_000);
        // day and month transposed
        assertThat(db.queryLong("SELECT count(*) " + later + " AND substr(s.dob, 6, 2) = substr(f.dob, 9, 2) "
                        + "AND substr(s.dob, 9, 2) = substr(f.dob, 6, 2) AND s.dob <> f.dob"))
                .isGreaterThan(50);
        // an alias: first name and surname both different, and not merely swapped
        assertThat(db.queryLong(
                        "SELECT count(*) " + later + " AND s.first_name <> f.first_name AND s.surname <> f.surname "
                                + "AND s.first_name <> f.surname AND jaro_winkler_similarity(s.surname, f.surname) < 0.7 "
                                + "AND jaro_winkler_similarity(s.first_name, f.first_name) < 0.7"))
                .isGreaterThan(600);
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
