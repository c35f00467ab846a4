package org.datafirst.catalogue.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.sources.DocumentParser;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.SourceFiles;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one document ↔ store mapping: every real dataset of catalogue-sources/, published and read
 * back in a new transaction (so from PostgreSQL, not from Hibernate's session), is the document it
 * was made from, with exactly the lookups its variables use.
 */
@QuarkusTest
@TestProfile(ReleaseDocumentRoundTripTest.OwnStore.class)
class ReleaseDocumentRoundTripTest {

    private static final Path SOURCES = Path.of("catalogue-sources");

    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return IsolatedStoreProfile.emptyStore("round_trip");
        }
    }

    @Inject
    ReleaseWriter writer;

    @Inject
    AgroalDataSource pool;

    @Inject
    ObjectMapper json;

    static Stream<Path> datasets() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve("datasets"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void aStoredReleaseReadsBackAsTheDocumentItWasMadeFrom(Path file) throws IOException {
        // Given a real source document and every lookup it may use
        DatasetDocument document = DocumentParser.dataset(Files.readAllBytes(file), file.toString());
        Map<String, LookupDocument> available = sharedLookups();
        document.lookups().forEach(lookup -> available.put(lookup.id(), lookup));

        // When it is published and read back in another transaction
        long id = QuarkusTransaction.requiringNew()
                .call(() -> writer.publish(document, available, "round-trip").orElseThrow().id);
        DatasetDocument stored = QuarkusTransaction.requiringNew().call(() -> Release.<Release>findById(id).document);

        // Then it is the same document, with the lookups its variables use, by id
        Map<String, LookupDocument> used = new TreeMap<>();
        for (TableDocument table : document.tables()) {
            for (VariableDocument variable : table.variables()) {
                if (variable.lookup() != null) {
                    used.put(variable.lookup(), available.get(variable.lookup()));
                }
            }
        }
        assertThat(stored).isEqualTo(document.withLookups(used.values().stream().toList()));
    }

    @Test
    void releasesWrittenBeforeTheDocumentColumnMigrateToTheDocumentTheyWereMadeFrom() throws Exception {
        // Given a store at V2 holding one release in the old shape: the test dataset, column by column
        Flyway.configure()
                .dataSource(pool)
                .schemas("migration_check")
                .defaultSchema("migration_check")
                .cleanDisabled(false)
                .target("2")
                .load()
                .migrate();
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to migration_check");
            s.execute("""
                    insert into dataset (id) values ('migrated');
                    insert into release (id, dataset_id, version, issued, content_hash, origin, title, description,
                        publisher_name, contact_name, contact_email, source, source_systems, jurisdiction, approvals,
                        where_held, dictionary_completeness, access_rights, sources, label)
                    values (1, 'migrated', 1, '2024-01-01', 'h', 'test', 'Test dataset migrated',
                        'A dataset written by a test.', 'Ministry of Justice', 'Data First', 'datafirst@justice.gov.uk',
                        'Test system', '["Libra"]', 'England and Wales', '["DAP"]', '["ONS SRS"]',
                        'Complete for the test.', 'non-public', '[{"id": "guide", "title": "The user guide"}]', '2024');
                    update dataset set current_release_id = 1;
                    insert into coverage_period (release_id, ordinal, start_date, end_date, basis)
                    values (1, 0, '2011-01-01', '2023-03-31', 'case disposals');
                    insert into lookup (id) values ('test-sex');
                    insert into lookup_version (id, lookup_id, content_hash, title) values (7, 'test-sex', 'h', 'Sex');
                    insert into lookup_code (lookup_version_id, ordinal, code, label)
                    values (7, 0, 'F', 'Female'), (7, 1, 'M', 'Male');
                    insert into data_table (id, release_id, ordinal, name, grain, source_ref)
                    values (3, 1, 0, 'cases', 'one row per case', 'guide');
                    insert into variable (table_id, ordinal, name, data_type, source_ref, confidence, identifier_role,
                        lookup_version_id)
                    values (3, 0, 'case_id_hash', 'string', 'guide', 'high', 'case-key', null),
                           (3, 1, 'sex', 'string', 'guide', 'high', null, 7);
                    """);
        }

        // When it migrates to the current schema
        Flyway.configure()
                .dataSource(pool)
                .schemas("migration_check")
                .defaultSchema("migration_check")
                .load()
                .migrate();

        // Then the release holds the document it was made from, as the mapping reads it
        String stored;
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("select document::text, title, jurisdiction, where_held::text "
                        + "from migration_check.release where id = 1")) {
            row.next();
            stored = row.getString(1);
            assertThat(row.getString(2)).isEqualTo("Test dataset migrated");
            assertThat(row.getString(3)).isEqualTo("England and Wales");
            assertThat(row.getString(4)).isEqualTo("[\"ONS SRS\"]");
        }
        DatasetDocument source = DocumentParser.dataset(
                SourceFiles.dataset("migrated")
                        .replace("lookups:", "release: {label: \"2024\"}\nlookups:")
                        .getBytes(StandardCharsets.UTF_8),
                "test");
        assertThat(json.readValue(stored, DatasetDocument.class)).isEqualTo(source);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop schema migration_check cascade");
        }
    }

    private static Map<String, LookupDocument> sharedLookups() throws IOException {
        Map<String, LookupDocument> lookups = new TreeMap<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("lookups"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                LookupDocument lookup = DocumentParser.lookup(Files.readAllBytes(file), file.toString());
                lookups.put(lookup.id(), lookup);
            }
        }
        return lookups;
    }
}
