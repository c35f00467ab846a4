package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.datafirst.catalogue.dcat.HealthDcatPolicy.Decision;
import org.datafirst.catalogue.dcat.Vocab.Cv;
import org.datafirst.catalogue.dcat.Vocab.Dcat;
import org.datafirst.catalogue.dcat.Vocab.DcatAp;
import org.datafirst.catalogue.dcat.Vocab.Dct;
import org.datafirst.catalogue.dcat.Vocab.GeoDcatAp;
import org.datafirst.catalogue.dcat.Vocab.HealthDcatAp;
import org.junit.jupiter.api.Test;

/**
 * Pins the HealthDCAT-AP policy without the HealthDCAT-AP shapes: what we say we publish is on every
 * dataset (and every release in the dataset documents), what we say we do not publish is nowhere, and
 * the README's table says exactly what {@link HealthDcatPolicy} says.
 */
@QuarkusTest
class HealthDcatPolicyTest {

    private static final String NON_PUBLIC = Vocab.EU_AUTHORITY + "access-right/NON_PUBLIC";

    /** The catalogue and every dataset's own document, merged (fetched once, when the service is up). */
    private static Model served;

    private static Model served() {
        if (served == null) {
            Model model = ModelFactory.createDefaultModel();
            model.add(Rdf.get("/catalog.ttl?size=1000", RdfFormat.TURTLE));
            for (String id : given().get("/api/v1/datasets?size=100").jsonPath().getList("items.id", String.class)) {
                model.add(Rdf.get("/datasets/" + id + ".ttl", RdfFormat.TURTLE));
            }
            served = model;
        }
        return served;
    }

    @Test
    void everyDatasetAndReleaseHasWhatThePolicyPublishes() {
        List<Resource> datasets =
                served().listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList();
        assertThat(datasets).hasSizeGreaterThanOrEqualTo(18); // 9 datasets and at least one release each
        for (Resource dataset : datasets) {
            for (HealthDcatPolicy published : HealthDcatPolicy.with(Decision.PUBLISHED)) {
                assertThat(dataset.hasProperty(property(published)))
                        .as(dataset + " has " + published.name)
                        .isTrue();
            }
            assertThat(dataset.listProperties(Dct.accessRights).toList())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getResource().getURI()).isEqualTo(NON_PUBLIC));
            assertThat(dataset.getProperty(HealthDcatAp.hasStructuredData).getBoolean())
                    .isTrue();
            Resource publisher = dataset.getPropertyResourceValue(Dct.publisher);
            assertThat(publisher.listProperties(Cv.contactPoint).toList())
                    .as("the publisher's one contact point")
                    .singleElement()
                    .satisfies(s ->
                            assertThat(s.getResource().hasProperty(Cv.email)).isTrue());
            assertThat(dataset.getPropertyResourceValue(GeoDcatAp.custodian)).isEqualTo(publisher);
        }
        for (Resource distribution :
                served().listSubjectsWithProperty(RDF.type, Dcat.Distribution).toList()) {
            assertThat(distribution.hasProperty(DcatAp.applicableLegislation))
                    .as(distribution + " names its legislation")
                    .isTrue();
        }
    }

    @Test
    void whatThePolicyDoesNotPublishIsOnNoDataset() {
        // The rows are dataset properties (dcat:bbox and dcat:centroid: of the dataset's place); dct:type, for
        // one, is published on the publisher and the licence, as DCAT-AP asks, but not on a dataset.
        List<Resource> subjects = Stream.concat(
                        served().listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList().stream(),
                        served().listSubjectsWithProperty(RDF.type, Dct.Location).toList().stream())
                .toList();
        for (HealthDcatPolicy absent : HealthDcatPolicy.with(Decision.NOT_PUBLISHED)) {
            assertThat(subjects.stream()
                            .filter(s -> s.hasProperty(property(absent)))
                            .toList())
                    .as(absent.name + " is documented as not published")
                    .isEmpty();
        }
    }

    @Test
    void whatThePolicyPublishesWhereKnownIsPublishedSomewhere() {
        for (HealthDcatPolicy known : HealthDcatPolicy.with(Decision.WHERE_KNOWN)) {
            assertThat(served().contains(null, property(known)))
                    .as(known.name + " is published where the sources give it")
                    .isTrue();
        }
    }

    @Test
    void theReadmeTableIsThePolicy() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("| HealthDCAT-AP property |");
        assertThat(start).as("README has the HealthDCAT-AP policy table").isPositive();
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile(
                        "^\\| `([a-zA-Z]+:[a-zA-Z]+)` \\| (published|where known|not published) \\|", Pattern.MULTILINE)
                .matcher(readme.substring(start, readme.indexOf("\n\n", start)));
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        Map<String, String> policy = Stream.of(HealthDcatPolicy.values())
                .collect(Collectors.toMap(
                        p -> p.name,
                        p -> p.decision
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '),
                        (a, b) -> a,
                        LinkedHashMap::new));
        assertThat(table).containsExactlyInAnyOrderEntriesOf(policy);
    }

    private static org.apache.jena.rdf.model.Property property(HealthDcatPolicy policy) {
        return ResourceFactory.createProperty(policy.iri);
    }
}
