package org.datafirst.catalogue.dcat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Validates graphs against the official DCAT-AP 3.0.1 SHACL shapes (SEMICeu/DCAT-AP, CC BY 4.0;
 * see src/main/resources/dcat-ap/README.txt): shapes.ttl + range.ttl give violations;
 * shapes_recommended.ttl gives warnings. The EU-vocabulary shapes are not used because the EU
 * code lists are not loaded into the data graph.
 */
public final class ShaclCheck {

    /** One finding: how serious, on which node, along which property, and what. */
    public record Finding(String severity, String focusNode, String path, String message) {}

    /** Violations and warnings of one graph; conforms when there are no violations. */
    public record Outcome(List<Finding> violations, List<Finding> warnings) {
        public boolean conforms() {
            return violations.isEmpty();
        }
    }

    private static final Shapes MANDATORY = load("dcat-ap-3.0.1_shapes.ttl", "dcat-ap-3.0.1_range.ttl");
    private static final Shapes RECOMMENDED = load("dcat-ap-3.0.1_shapes_recommended.ttl");

    private ShaclCheck() {}

    public static Outcome validate(Model model) {
        Graph graph = model.getGraph();
        List<Finding> violations = findings(ShaclValidator.get().validate(MANDATORY, graph));
        List<Finding> warnings = findings(ShaclValidator.get().validate(RECOMMENDED, graph));
        return new Outcome(
                violations.stream()
                        .filter(f -> f.severity().equals("Violation"))
                        .toList(),
                java.util.stream.Stream.concat(
                                violations.stream().filter(f -> !f.severity().equals("Violation")), warnings.stream())
                        .toList());
    }

    private static List<Finding> findings(ValidationReport report) {
        return report.getEntries().stream()
                .map(ShaclCheck::finding)
                .sorted(Comparator.comparing(Finding::focusNode).thenComparing(Finding::path))
                .toList();
    }

    private static Finding finding(ReportEntry entry) {
        Severity severity = entry.severity();
        String level = severity.level().getLocalName();
        return new Finding(
                level,
                text(entry.focusNode()),
                entry.resultPath() == null ? "" : entry.resultPath().toString(),
                entry.message());
    }

    private static String text(Node node) {
        return node == null ? "" : node.isURI() ? node.getURI() : node.toString();
    }

    private static Shapes load(String... files) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (String file : files) {
            try (InputStream in = ShaclCheck.class.getResourceAsStream("/dcat-ap/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing DCAT-AP shapes on the classpath: dcat-ap/" + file);
                }
                RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Shapes.parse(graph);
    }
}
