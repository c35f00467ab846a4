package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.datafirst.catalogue.dcat.Vocab.Csvw;
import org.datafirst.catalogue.dcat.Vocab.Dcat;
import org.datafirst.catalogue.dcat.Vocab.Dct;
import org.datafirst.catalogue.dcat.Vocab.Skos;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class DcatEndpointsTest {

    @Inject
    DcatService dcat;

    @Inject
    EntityManagerFactory emf;

    private static final String FULL = "/catalog.%s?size=1000";

    /** The base of minted URIs in the test profile (catalogue.base-uri). */
    static final String BASE = "http://catalogue.test";

    @ParameterizedTest
    @EnumSource(RdfFormat.class)
    void everySerialisationOfTheCatalogueIsTheSameGraph(RdfFormat format) {
        // Same URL (the paging links name it), format by Accept
        Model turtle = Rdf.parse(
                given().accept("text/turtle")
                        .get("/catalog?size=1000")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/turtle"))
                        .extract()
                        .asByteArray(),
                RdfFormat.TURTLE,
                "http://x/");
        byte[] body = given().accept(format.mediaType())
                .get("/catalog?size=1000")
                .then()
                .statusCode(200)
                .contentType(startsWith(format.mediaType()))
                .extract()
                .asByteArray();
        Model other = Rdf.parse(body, format, "http://x/");
        assertThat(other.size()).isEqualTo(turtle.size()).isGreaterThan(1000);
        assertThat(other.isIsomorphicWith(turtle))
                .as(format + " parses back to the Turtle graph")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(RdfFormat.class)
    void acceptChoosesTheSameSerialisationAsTheExtension(RdfFormat format) {
        Model byAccept = withoutPaging(Rdf.parse(
                given().accept(format.mediaType())
                        .get("/catalog?size=1000")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith(format.mediaType()))
                        .extract()
                        .asByteArray(),
                format,
                "http://x/"));
        Model byExtension = withoutPaging(Rdf.parse(
                given().get(FULL.formatted(format.extension()))
                        .then()
                        .statusCode(200)
                        .contentType(startsWith(format.mediaType()))
                        .extract()
                        .asByteArray(),
                format,
                "http://x/"));
        assertThat(byAccept.isIsomorphicWith(byExtension))
                .as("same catalogue apart from the page URLs")
                .isTrue();
        Model dataset = Rdf.parse(
                given().accept(format.mediaType())
                        .get("/datasets/probation")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith(format.mediaType()))
                        .extract()
                        .asByteArray(),
                format,
                "http://x/");
        Model datasetByExtension = Rdf.parse(
                given().get("/datasets/probation." + format.extension())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                format,
                "http://x/");
        assertThat(dataset.isIsomorphicWith(datasetByExtension)).isTrue();
        // The dataset, and each of its releases as a version of it
        assertThat(dataset.listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList().stream()
                        .filter(d -> !d.hasProperty(Dcat.isVersionOf))
                        .toList())
                .hasSize(1);
    }

    @Test
    void theDatasetPathServesHtmlToBrowsersAndRdfToHarvesters() {
        given().accept("text/html")
                .get("/datasets/probation")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"));
        given().accept("text/turtle")
                .get("/datasets/probation")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/turtle"))
                .body(containsString("dcat:Dataset"));
        given().accept("text/html")
                .get("/datasets/probation.ttl")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/turtle"));
        given().accept("text/turtle")
                .get("/datasets/no-such-dataset")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/catalog.xls").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theWholeCatalogueHasNoDcatApViolationsNorWarnings() {
        Model catalogue = Rdf.get("/catalog?size=1000", RdfFormat.TURTLE);
        ShaclCheck.Outcome outcome = ShaclCheck.validate(catalogue);
        assertThat(outcome.violations()).as("DCAT-AP 3.0.1 violations").isEmpty();
        assertThat(summary(outcome.warnings())).as("recommended-shape warnings").isEmpty();
        for (String id : datasetIds()) {
            ShaclCheck.Outcome dataset = ShaclCheck.validate(Rdf.get("/datasets/" + id, RdfFormat.TURTLE));
            assertThat(dataset.violations()).as("violations of " + id).isEmpty();
            assertThat(summary(dataset.warnings())).as("warnings of " + id).isEmpty();
        }
    }

    /**
     * Findings counted by path and message, so a failure shows what is missing where; without the one
     * documented exception: no coordinates (dcat:bbox, dcat:centroid) for the country, which no
     * source gives.
     */
    private static java.util.Map<String, Long> summary(List<ShaclCheck.Finding> findings) {
        return findings.stream()
                .filter(f -> !(f.focusNode().endsWith("/country/GBR")
                        && (f.path().contains("dcat#bbox") || f.path().contains("dcat#centroid"))))
                .collect(Collectors.groupingBy(
                        f -> f.path() + " " + f.message(), java.util.TreeMap::new, Collectors.counting()));
    }

    @Test
    void theShapesCatchWhatTheyShould() {
        // Given the probation graph without its mandatory title, SHACL reports it
        Model dataset = Rdf.get("/datasets/probation", RdfFormat.TURTLE);
        Resource node = dataset.getResource(datasetUri("probation"));
        dataset.removeAll(node, Dct.title, null);
        assertThat(ShaclCheck.validate(dataset).violations())
                .anySatisfy(f -> assertThat(f.path()).contains("http://purl.org/dc/terms/title"));
    }

    @Test
    void eachDatasetCarriesItsCoverageDownloadsReleasesAndAccessRights() {
        Model catalogue = Rdf.get("/catalog?size=1000", RdfFormat.TURTLE);
        Resource catalog =
                catalogue.listSubjectsWithProperty(RDF.type, Dcat.Catalog).next();
        assertThat(catalog.listProperties(Dcat.dataset).toList())
                .hasSize(datasetIds().size());
        assertThat(catalog.getPropertyResourceValue(Dcat.service).getURI()).endsWith("/api/v1");
        for (String id : datasetIds()) {
            JsonPath json = given().get("/api/v1/datasets/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Resource dataset = catalogue.getResource(datasetUri(id));
            assertThat(dataset.listProperties(Dct.temporal).toList())
                    .hasSize(json.getList("coverage").size());
            assertThat(dataset.getPropertyResourceValue(Dct.accessRights).getURI())
                    .isEqualTo("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC");
            assertThat(dataset.getProperty(Dcat.version).getString())
                    .isEqualTo(String.valueOf(json.getInt("release.version")));
            assertThat(dataset.getPropertyResourceValue(Dcat.landingPage).getURI())
                    .isEqualTo(datasetUri(id));
            Set<String> downloads = dataset.listProperties(Dcat.distribution).toList().stream()
                    .map(s -> s.getResource()
                                    .getPropertyResourceValue(Dcat.downloadURL)
                                    .getURI() + " "
                            + s.getResource()
                                    .getPropertyResourceValue(Dcat.mediaType)
                                    .getURI())
                    .collect(Collectors.toSet());
            String api = BASE + "/api/v1/datasets/" + id;
            String iana = "https://www.iana.org/assignments/media-types/";
            assertThat(downloads)
                    .containsExactlyInAnyOrder(
                            api + "/dictionary.xlsx " + iana
                                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            api + "/dictionary.ods " + iana + "application/vnd.oasis.opendocument.spreadsheet",
                            api + "/dictionary/variables.csv " + iana + "text/csv",
                            api + " " + iana + "application/json");
            assertThat(dataset.hasProperty(Dcat.hasVersion))
                    .as("a catalogue page has one dcat:Dataset per dataset")
                    .isFalse();
            Model own = Rdf.get("/datasets/" + id, RdfFormat.TURTLE);
            List<Statement> versions = own.getResource(datasetUri(id))
                    .listProperties(Dcat.hasVersion)
                    .toList();
            int releases = given().get("/api/v1/datasets/" + id + "/releases")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("$")
                    .size();
            assertThat(versions).hasSize(releases);
            assertThat(versions).allSatisfy(v -> {
                assertThat(v.getResource().getURI()).startsWith(datasetUri(id) + "/releases/");
                assertThat(v.getResource().hasProperty(RDF.type, Dcat.Dataset)).isTrue();
                assertThat(v.getResource()
                                .getPropertyResourceValue(Dcat.isVersionOf)
                                .getURI())
                        .isEqualTo(datasetUri(id));
            });
        }
    }

    @Test
    void tablesAndVariablesAreCsvwAndLookupsAreSkos() {
        Model dataset = Rdf.get("/datasets/probation", RdfFormat.TURTLE);
        JsonPath tables = given().get("/api/v1/datasets/probation/tables")
                .then()
                .extract()
                .jsonPath();
        List<Resource> csvwTables =
                dataset.listSubjectsWithProperty(RDF.type, Csvw.Table).toList();
        assertThat(csvwTables).hasSize(tables.getList("$").size());
        for (Resource table : csvwTables) {
            String name = table.getProperty(Dct.title).getString();
            JsonPath api = given().get("/api/v1/datasets/probation/tables/" + name)
                    .then()
                    .extract()
                    .jsonPath();
            // HealthDCAT-AP's pattern: one csvw:column per variable (no list), the datatype as a CSVW name
            List<String> columns = table.listProperties(Csvw.column).toList().stream()
                    .map(c -> c.getResource().getProperty(Csvw.name).getString())
                    .toList();
            assertThat(columns)
                    .as("columns of " + name)
                    .containsExactlyInAnyOrderElementsOf(api.getList("variables.name"));
            assertThat(table.getProperty(Csvw.url).getObject().isURIResource())
                    .as("csvw:url of " + name + " is an IRI")
                    .isTrue();
            table.listProperties(Csvw.column)
                    .forEach(c -> c.getResource()
                            .listProperties(Csvw.datatype)
                            .forEach(type -> assertThat(type.getString())
                                    .isIn("string", "integer", "decimal", "boolean", "date", "dateTime")));
        }
        Model catalogue = Rdf.get("/catalog?size=1000", RdfFormat.TURTLE);
        JsonPath gender = given().get("/api/v1/lookups/gender").then().extract().jsonPath();
        Resource scheme = catalogue.listSubjectsWithProperty(RDF.type, Skos.ConceptScheme).toList().stream()
                .filter(s -> s.getURI().endsWith("/lookups/gender"))
                .findFirst()
                .orElseThrow();
        Set<String> notations = catalogue.listSubjectsWithProperty(Skos.inScheme, scheme).toList().stream()
                .map(c -> c.getProperty(Skos.notation).getString() + "="
                        + c.getProperty(Skos.prefLabel).getString())
                .collect(Collectors.toSet());
        List<String> codes = gender.getList("codes.code");
        List<String> labels = gender.getList("codes.label");
        assertThat(notations).hasSize(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            assertThat(notations).contains(codes.get(i) + "=" + labels.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/catalog.ttl",
                "/catalog.jsonld?size=3&page=2",
                "/datasets/probation.rdf",
                "/datasets/civil-court.nt",
                "/api/v1/gmi/datasets",
                "/api/v1/gmi/datasets/probation"
            })
    void rdfAndGatewayResponsesRevalidateWithETags(String path) {
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
    }

    @Test
    void pagingLinksAreAbsoluteBehindAProxy() {
        Model page = Rdf.parse(
                given().header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "data.example.org")
                        .header("X-Forwarded-Prefix", "/datafirst")
                        .get("/catalog.ttl?size=2&page=2&modified_since=2000-01-01")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                RdfFormat.TURTLE,
                "http://x/");
        Resource view = page.listSubjectsWithProperty(RDF.type, Vocab.Hydra.PartialCollectionView)
                .next();
        assertThat(view.getURI())
                .isEqualTo("https://data.example.org/datafirst/catalog.ttl?modified_since=2000-01-01&page=2&size=2");
        assertThat(view.getPropertyResourceValue(Vocab.Hydra.next).getURI())
                .isEqualTo("https://data.example.org/datafirst/catalog.ttl?modified_since=2000-01-01&page=3&size=2");
        assertThat(view.getProperty(Vocab.Hydra.nextPage).getString())
                .isEqualTo(view.getPropertyResourceValue(Vocab.Hydra.next).getURI());
        assertThat(view.getPropertyResourceValue(Vocab.Hydra.first).getURI()).endsWith("page=1&size=2");
        assertThat(view.getPropertyResourceValue(Vocab.Hydra.previous).getURI()).endsWith("page=1&size=2");
        long total = view.getProperty(Vocab.Hydra.totalItems).getLong();
        assertThat(total).isEqualTo(datasetIds().size());
        assertThat(view.getPropertyResourceValue(Vocab.Hydra.last).getURI())
                .endsWith("page=" + ((total + 1) / 2) + "&size=2");
        // Minted URIs do not follow the request: only the paging links do
        assertThat(page.listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.getURI()).startsWith(BASE + "/datasets/"));
        assertThat(view.hasProperty(RDF.type, Vocab.Hydra.PagedCollection)).isTrue();
        assertThat(view.getProperty(Vocab.Hydra.itemsPerPage).getInt()).isEqualTo(2);
    }

    @Test
    void modifiedSinceFiltersAndBadValuesAreNamed() {
        Model none = Rdf.get("/catalog?modified_since=2999-01-01", RdfFormat.TURTLE);
        assertThat(none.listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList())
                .isEmpty();
        Model all = Rdf.get("/catalog?modified_since=2000-01-01T00:00:00Z", RdfFormat.TURTLE);
        assertThat(all.listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList())
                .hasSize(datasetIds().size());
        given().get("/catalog.ttl?modified_since=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("modified_since"));
        given().get("/catalog.ttl?size=5000").then().statusCode(400).body("detail", containsString("size"));
    }

    @Test
    void theCatalogueIsBuiltWithAFixedNumberOfQueries() {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        URI uri = URI.create("http://localhost/catalog");
        statistics.clear();
        dcat.catalogModel(new CatalogRequest(uri, "http://localhost", Optional.empty(), 1, 1));
        long onePage = statistics.getPrepareStatementCount();
        statistics.clear();
        Model all = dcat.catalogModel(new CatalogRequest(uri, "http://localhost", Optional.empty(), 1, 1000));
        long everything = statistics.getPrepareStatementCount();
        assertThat(all.listSubjectsWithProperty(RDF.type, Csvw.Column).toList()).hasSizeGreaterThan(100);
        // datasets, tables + variables, lookup codes, releases, publications, page of ids, newest linkage
        // reports: never one per dataset or variable
        assertThat(onePage).isLessThanOrEqualTo(7);
        assertThat(everything).as("statements for the whole catalogue").isLessThanOrEqualTo(7);
    }

    @Test
    void alternatesAdvertiseEveryFormat() {
        assertThat(RdfFormats.alternates("probation"))
                .extracting(RdfFormats.Alternate::href)
                .containsExactly(
                        "/datasets/probation.ttl",
                        "/datasets/probation.jsonld",
                        "/datasets/probation.rdf",
                        "/datasets/probation.nt");
        for (RdfFormats.Alternate alternate : RdfFormats.alternates("probation")) {
            given().get(alternate.href()).then().statusCode(200).contentType(startsWith(alternate.type()));
        }
    }

    /** The graph without the Hydra page description, which names the URL it was fetched from. */
    static Model withoutPaging(Model model) {
        model.listSubjectsWithProperty(RDF.type, Vocab.Hydra.PartialCollectionView)
                .toList()
                .forEach(view -> model.removeAll(view, null, null));
        model.removeAll(null, Vocab.Hydra.view, null);
        return model;
    }

    static List<String> datasetIds() {
        return given().get("/api/v1/datasets?size=100")
                .then()
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    static String datasetUri(String id) {
        return BASE + "/datasets/" + id;
    }

    static int port() {
        return io.restassured.RestAssured.port;
    }
}
