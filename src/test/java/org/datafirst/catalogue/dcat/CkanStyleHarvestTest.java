package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.datafirst.catalogue.dcat.Vocab.Dcat;
import org.datafirst.catalogue.dcat.Vocab.Dct;
import org.datafirst.catalogue.dcat.Vocab.Hydra;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Harvests the catalogue as ckanext-dcat's RDF harvester does: fetch the start URL, take every
 * dcat:Dataset in the graph, find the next page from hydra:next (current Hydra) or, failing that,
 * hydra:nextPage on a hydra:PagedCollection (legacy), and repeat until there is none.
 */
@QuarkusTest
class CkanStyleHarvestTest {

    @ParameterizedTest
    @CsvSource({"ttl, true", "jsonld, true", "rdf, false", "nt, false"})
    void aSmallPageHarvestCollectsEveryDatasetExactlyOnce(String extension, boolean currentTerms) {
        RdfFormat format = RdfFormat.fromExtension(extension).orElseThrow();
        List<String> harvested = new ArrayList<>();
        Optional<String> next = Optional.of("/catalog." + extension + "?size=2");
        int pages = 0;
        while (next.isPresent()) {
            byte[] body = given().urlEncodingEnabled(false)
                    .get(next.get())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            Model page = Rdf.parse(body, format, "http://x/");
            if (!currentTerms) {
                // An older harvester only knows the legacy terms: hide the current ones.
                page.removeAll(null, Hydra.next, null);
            }
            page.listSubjectsWithProperty(RDF.type, Dcat.Dataset)
                    .forEach(dataset ->
                            harvested.add(dataset.getProperty(Dct.identifier).getString()));
            next = nextPage(page);
            pages++;
            assertThat(pages).as("pages followed").isLessThan(50);
        }
        List<String> expected = DcatEndpointsTest.datasetIds();
        assertThat(harvested).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);
    }

    /** ckanext-dcat's order: hydra:next of a PartialCollectionView, then hydra:nextPage of a PagedCollection. */
    private static Optional<String> nextPage(Model page) {
        for (Resource view : page.listSubjectsWithProperty(RDF.type, Hydra.PartialCollectionView)
                .toList()) {
            Statement next = view.getProperty(Hydra.next);
            if (next != null) {
                return Optional.of(relative(next.getObject().toString()));
            }
        }
        for (Resource collection :
                page.listSubjectsWithProperty(RDF.type, Hydra.PagedCollection).toList()) {
            Statement next = collection.getProperty(Hydra.nextPage);
            if (next != null) {
                return Optional.of(relative(
                        next.getObject().isLiteral()
                                ? next.getString()
                                : next.getResource().getURI()));
            }
        }
        return Optional.empty();
    }

    /** The absolute next link, made relative to the test server (RestAssured adds host and port). */
    private static String relative(String absolute) {
        assertThat(absolute).startsWith("http://localhost:" + DcatEndpointsTest.port() + "/catalog.");
        return absolute.substring(absolute.indexOf("/catalog."));
    }
}
