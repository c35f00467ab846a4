package org.datafirst.catalogue.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.sources.DocumentParser;
import org.junit.jupiter.api.Test;

/**
 * A release's content hash decides whether loading a file makes a new release. If the canonical JSON
 * changed (a mapper setting, a field order), every stored hash would stop matching and the next start
 * would make a new release of every dataset. These hashes were taken before the service's JSON settings
 * moved into one place (config/Json); they must never change for the same documents.
 */
class ContentHashStabilityTest {

    private static final Path FIXTURES = Path.of("src/test/resources/api/catalogue-sources");

    @Test
    void aDatasetWithItsLookupsHashesAsItAlwaysHas() throws IOException {
        DatasetDocument dataset = DocumentParser.dataset(
                Files.readAllBytes(FIXTURES.resolve("datasets/fixture-probation.yaml")), "fixture-probation.yaml");
        Map<String, LookupDocument> used = new HashMap<>();
        dataset.lookups().forEach(lookup -> used.put(lookup.id(), lookup));
        used.put("fixture-sex", lookup("fixture-sex"));

        // As ReleaseWriter hashes a release: the dataset without inline lookups, and every lookup it uses.
        String hash = ContentHash.of(Map.of("dataset", dataset.withLookups(List.of()), "lookups", used));

        assertThat(hash).isEqualTo("3adad0097b48bcd7feb20fb0c1f2443bca77f9f98e9f699d63040c7432089e63");
    }

    @Test
    void aLookupHashesAsItAlwaysHas() throws IOException {
        assertThat(ContentHash.of(lookup("fixture-sex")))
                .isEqualTo("bf9783cc7c5da21abc3f97126939637d4f44c7de692f3267cec28352b267c877");
    }

    private static LookupDocument lookup(String id) throws IOException {
        return DocumentParser.lookup(Files.readAllBytes(FIXTURES.resolve("lookups/" + id + ".yaml")), id + ".yaml");
    }
}
