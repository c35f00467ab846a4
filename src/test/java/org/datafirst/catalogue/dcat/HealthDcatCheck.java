package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Validates the served catalogue and every dataset document against HealthDCAT-AP shapes the user
 * supplies (their validator layout: shapes/, ranges/, recommended/; the NON_PUBLIC profile, as every
 * Data First dataset is non-public), together with the DCAT-AP 3.0.1 shapes they import. Prints the
 * findings grouped by property, marking those {@link HealthDcatPolicy} documents as not published,
 * and fails on any other. Run through bench/healthdcat.sh; the shapes are not part of this
 * repository.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "healthdcat.shapes", matches = ".+")
class HealthDcatCheck {

    private record Finding(String severity, String path, String message) {}

    @Test
    void servedDocumentsMeetHealthDcatApButForTheDocumentedExceptions() {
        Path dir = Path.of(System.getProperty("healthdcat.shapes"));
        Shapes shapes = shapes(dir);
        List<String> documents = new ArrayList<>(List.of("/catalog.ttl?size=1000"));
        given().get("/api/v1/datasets?size=100").jsonPath().getList("items.id", String.class).stream()
                .map(id -> "/datasets/" + id + ".ttl")
                .forEach(documents::add);

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> messages = new TreeMap<>();
        for (String document : documents) {
            Model model = Rdf.get(document, RdfFormat.TURTLE);
            for (ReportEntry entry :
                    ShaclValidator.get().validate(shapes, model.getGraph()).getEntries()) {
                Finding finding = finding(entry);
                String key = finding.severity() + " " + finding.path();
                counts.merge(key, 1, Integer::sum);
                messages.putIfAbsent(key, finding.message());
            }
        }

        int total = 0;
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, Integer> group : counts.entrySet()) {
            String path = group.getKey().substring(group.getKey().indexOf(' ') + 1);
            boolean documented = HealthDcatPolicy.isDocumentedException(path);
            if (!documented && group.getKey().startsWith("Violation")) {
                undocumented.add(group.getKey());
            }
            total += group.getValue();
            System.out.printf(
                    "HEALTHDCAT %-9s %5d  %-70s %s%n",
                    group.getKey().substring(0, group.getKey().indexOf(' ')),
                    group.getValue(),
                    path,
                    documented ? "policy exception" : "NOT DOCUMENTED: " + messages.get(group.getKey()));
        }
        System.out.printf(
                "HEALTHDCAT total %d findings in %d documents (%d violations)%n",
                total,
                documents.size(),
                counts.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("Violation"))
                        .mapToInt(Map.Entry::getValue)
                        .sum());
        assertThat(undocumented)
                .as("violations that are not documented policy exceptions")
                .isEmpty();
    }

    private static Finding finding(ReportEntry entry) {
        String path = entry.resultPath() == null
                ? "(node: " + entry.message() + ")"
                : entry.resultPath().toString();
        return new Finding(entry.severity().level().getLocalName(), path, entry.message());
    }

    /** The NON_PUBLIC profile and the DCAT-AP shapes it imports (ours, 3.0.1, for its 3.0.0 import). */
    private static Shapes shapes(Path dir) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (String file : List.of(
                "dcat-ap-3.0.1_shapes.ttl", "dcat-ap-3.0.1_range.ttl", "dcat-ap-3.0.1_shapes_recommended.ttl")) {
            try (InputStream in = HealthDcatCheck.class.getResourceAsStream("/dcat-ap/" + file)) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String file : List.of(
                "shapes/graph-guard.ttl",
                "shapes/non-public-shapes.ttl",
                "ranges/range.ttl",
                "recommended/non-public-shapes_recommended.ttl")) {
            Path path = dir.resolve(file);
            assertThat(Files.isRegularFile(path))
                    .as("HealthDCAT-AP shapes file " + path)
                    .isTrue();
            RDFParser.source(path).lang(Lang.TURTLE).parse(graph);
        }
        return Shapes.parse(pathlessPropertiesAsNodeShapes(graph));
    }

    /**
     * The NON_PUBLIC shapes state one dataset rule (hasStructuredData true ⇒ hasVariables) as an
     * sh:property without sh:path, which Jena rightly refuses; it is meant for the dataset node
     * itself, so it is applied with sh:node.
     */
    private static Graph pathlessPropertiesAsNodeShapes(Graph graph) {
        Node property = SHACL.property;
        List<Triple> pathless = graph.find(Node.ANY, property, Node.ANY)
                .filterDrop(t -> graph.contains(t.getObject(), SHACL.path, Node.ANY))
                .toList();
        for (Triple triple : pathless) {
            graph.delete(triple);
            graph.add(Triple.create(triple.getSubject(), SHACL.node, triple.getObject()));
        }
        return graph;
    }
}
