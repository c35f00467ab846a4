package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the harvested catalogue the way ckanext-dcat's DCAT-AP 3 profile (euro_dcat_ap_3, which
 * runs the DCAT-AP 2 and base European profiles) turns a dcat:Dataset into a CKAN dataset: the
 * triples in the order the parser met them (rdflib keeps insertion order, and the profile takes
 * the first object it finds), a literal in the site's language before others, and its rules for
 * formats and licences. Only the properties below are read; anything else we publish is invisible
 * to CKAN.
 */
@QuarkusTest
class CkanDcatAp3ParseTest {

    static final String DCT = "http://purl.org/dc/terms/";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    /** Dataset properties the profile reads, by the CKAN field they fill. */
    static final Map<String, String> DATASET_FIELDS = fields(
            "title", DCT + "title",
            "notes", DCT + "description",
            "url", DCAT + "landingPage",
            "version", "http://www.w3.org/2002/07/owl#versionInfo",
            "tags", DCAT + "keyword",
            "issued", DCT + "issued",
            "modified", DCT + "modified",
            "identifier", DCT + "identifier",
            "version_notes", ADMS + "versionNotes",
            "frequency", DCT + "accrualPeriodicity",
            "provenance", DCT + "provenance",
            "dcat_type", DCT + "type",
            "language", DCT + "language",
            "theme", DCAT + "theme",
            "alternate_identifier", ADMS + "identifier",
            "conforms_to", DCT + "conformsTo",
            "documentation", "http://xmlns.com/foaf/0.1/page",
            "related_resource", DCT + "relation",
            "has_version", DCT + "hasVersion",
            "is_version_of", DCT + "isVersionOf",
            "source", DCT + "source",
            "sample", ADMS + "sample",
            "contact", DCAT + "contactPoint",
            "publisher", DCT + "publisher",
            "temporal", DCT + "temporal",
            "spatial", DCT + "spatial",
            "access_rights", DCT + "accessRights",
            "temporal_resolution", DCAT + "temporalResolution",
            "is_referenced_by", DCT + "isReferencedBy",
            "applicable_legislation", "http://data.europa.eu/r5r/applicableLegislation",
            "resources", DCAT + "distribution");

    /** Distribution properties the profile reads, by the CKAN resource field they fill. */
    static final Map<String, String> RESOURCE_FIELDS = fields(
            "access_url", DCAT + "accessURL",
            "download_url", DCAT + "downloadURL",
            "issued", DCT + "issued",
            "modified", DCT + "modified",
            "status", ADMS + "status",
            "license", DCT + "license",
            "rights", DCT + "rights",
            "name", DCT + "title",
            "description", DCT + "description",
            "language", DCT + "language",
            "documentation", "http://xmlns.com/foaf/0.1/page",
            "conforms_to", DCT + "conformsTo",
            "mimetype", DCAT + "mediaType",
            "format", DCT + "format",
            "size", DCAT + "byteSize",
            "access_services", DCAT + "accessService");

    /** CKAN's licence register entry for the OGL: matched by URL (CKAN 2.10+) or, failing that, title. */
    static final Set<String> OGL_URLS = Set.of(
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            "http://reference.data.gov.uk/id/open-government-licence");

    static final String OGL_TITLE = "UK Open Government Licence (OGL)";

    /** CKAN's resource format register: a label is normalised through it (format name, media type). */
    static final Map<String, String> CKAN_FORMATS = Map.of(
            "xlsx", "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX",
            "ods", "ODS",
            "application/vnd.oasis.opendocument.spreadsheet", "ODS",
            "csv", "CSV",
            "text/csv", "CSV",
            "json", "JSON",
            "application/json", "JSON");

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "rdf", "jsonld"})
    void ckanGetsFormatLabelsLicenceRightsCoverageIdentifiersAndDates(String extension) {
        byte[] body = given().get("/catalog." + extension + "?size=1000")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        ParsedGraph graph =
                ParsedGraph.parse(body, RdfFormat.fromExtension(extension).orElseThrow());
        List<Node> datasets = graph.subjects(RDF + "type", DCAT + "Dataset");
        assertThat(datasets).hasSize(DcatEndpointsTest.datasetIds().size());

        for (Node dataset : datasets) {
            String id = graph.value(dataset, DATASET_FIELDS.get("identifier"));
            JsonPath api =
                    given().get("/api/v1/datasets/" + id).then().extract().jsonPath();

            // Every distribution: a format CKAN shows as a name, the licence it knows, readable rights
            String licenceId = null;
            for (Node distribution : graph.objects(dataset, DATASET_FIELDS.get("resources"))) {
                String[] format = graph.format(distribution);
                assertThat(format[1]).as("format label of " + distribution).isIn("XLSX", "ODS", "CSV", "JSON");
                assertThat(format[0]).as("media type").startsWith("https://www.iana.org/assignments/media-types/");
                Node licence = graph.first(distribution, RESOURCE_FIELDS.get("license"));
                assertThat(licence).as("licence of " + distribution).isNotNull();
                if (licenceId == null
                        && (OGL_URLS.contains(licence.getURI())
                                || OGL_TITLE.equals(graph.value(licence, DCT + "title")))) {
                    licenceId = "uk-ogl";
                }
                assertThat(graph.rightsStatement(distribution, RESOURCE_FIELDS.get("rights")))
                        .as("rights text of " + distribution)
                        .contains("Open Government Licence")
                        .doesNotStartWith("http");
            }
            assertThat(licenceId).as("CKAN licence_id of " + id).isEqualTo("uk-ogl");

            // Every coverage period, each with the DCAT start (and end) the profile reads first
            List<Node> periods = graph.objects(dataset, DATASET_FIELDS.get("temporal"));
            assertThat(periods).hasSize(api.getList("coverage").size());
            List<String> starts = new ArrayList<>();
            for (Node period : periods) {
                starts.add(graph.value(period, DCAT + "startDate"));
            }
            assertThat(starts).containsExactlyInAnyOrderElementsOf(api.getList("coverage.start"));

            // Short codes as other identifiers, read as DCAT-AP 3 writes them (adms:Identifier, skos:notation)
            List<String> codes = graph.objects(dataset, DATASET_FIELDS.get("alternate_identifier")).stream()
                    .map(identifier -> graph.value(identifier, SKOS + "notation"))
                    .toList();
            List<String> expectedCodes = api.getList("identifiers.notation");
            assertThat(codes).containsExactlyInAnyOrderElementsOf(expectedCodes);
            assertThat(graph.values(dataset, SKOS + "altLabel")).containsExactlyInAnyOrderElementsOf(expectedCodes);

            // The first release from the sources, or nothing when no source gives it
            String issued = api.getString("issued");
            if (issued == null) {
                assertThat(graph.first(dataset, DATASET_FIELDS.get("issued"))).isNull();
            } else {
                assertThat(graph.value(dataset, DATASET_FIELDS.get("issued"))).isEqualTo(issued);
            }
        }
        Node probation = NodeFactory.createURI(DcatEndpointsTest.datasetUri("probation"));
        assertThat(graph.values(probation, SKOS + "altLabel")).containsExactly("PROB");
        assertThat(graph.value(probation, DCT + "issued")).isEqualTo("2022-02-21");
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The triples in parse order, read with the profile's helpers. */
    record ParsedGraph(List<Triple> triples) {

        static ParsedGraph parse(byte[] body, RdfFormat format) {
            List<Triple> triples = new ArrayList<>();
            Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(format.mediaType());
            RDFParser.source(new ByteArrayInputStream(body))
                    .lang(lang)
                    .base("http://x/")
                    .parse(new StreamRDFBase() {
                        @Override
                        public void triple(Triple triple) {
                            if (!triples.contains(triple)) {
                                triples.add(triple);
                            }
                        }
                    });
            return new ParsedGraph(triples);
        }

        List<Node> subjects(String predicate, String object) {
            return triples.stream()
                    .filter(t -> t.getPredicate().getURI().equals(predicate)
                            && t.getObject().isURI()
                            && t.getObject().getURI().equals(object))
                    .map(Triple::getSubject)
                    .distinct()
                    .toList();
        }

        List<Node> objects(Node subject, String predicate) {
            return triples.stream()
                    .filter(t -> t.getSubject().equals(subject)
                            && t.getPredicate().getURI().equals(predicate))
                    .map(Triple::getObject)
                    .toList();
        }

        Node first(Node subject, String predicate) {
            List<Node> objects = objects(subject, predicate);
            return objects.isEmpty() ? null : objects.get(0);
        }

        /** The profile's _object_value: the first English literal, else the first object as text. */
        String value(Node subject, String predicate) {
            String fallback = null;
            for (Node object : objects(subject, predicate)) {
                if (!object.isLiteral()) {
                    return object.toString();
                }
                if ("en".equals(object.getLiteralLanguage())) {
                    return object.getLiteralLexicalForm();
                }
                if (fallback == null) {
                    fallback = object.getLiteralLexicalForm();
                }
            }
            return fallback;
        }

        List<String> values(Node subject, String predicate) {
            return objects(subject, predicate).stream()
                    .map(o -> o.isLiteral() ? o.getLiteralLexicalForm() : o.toString())
                    .toList();
        }

        /**
         * The profile's _distribution_format: the media type from dcat:mediaType; the label from a
         * literal dct:format, from the rdfs:label of a dct:format whose first rdf:type is dct:IMT, or
         * else the format's IRI; then normalised through CKAN's format register.
         */
        String[] format(Node distribution) {
            String mediaType = value(distribution, DCAT + "mediaType");
            String label = null;
            Node format = first(distribution, DCT + "format");
            if (format != null && format.isLiteral()) {
                label = format.getLiteralLexicalForm();
            } else if (format != null) {
                Node type = first(format, RDF + "type");
                if (type != null && type.isURI() && type.getURI().equals(DCT + "IMT")) {
                    label = value(format, RDFS + "label");
                } else if (format.isURI()) {
                    label = format.getURI();
                }
            }
            if (mediaType != null && CKAN_FORMATS.containsKey(mediaType)) {
                label = CKAN_FORMATS.get(mediaType);
            } else if (label != null && CKAN_FORMATS.containsKey(label)) {
                label = CKAN_FORMATS.get(label);
            }
            return new String[] {mediaType, label};
        }

        /** The profile's _access_rights: a blank dct:RightsStatement gives its label; an IRI its text. */
        String rightsStatement(Node subject, String predicate) {
            Node statement = first(subject, predicate);
            if (statement == null) {
                return "";
            }
            if (statement.isBlank()) {
                Node type = first(statement, RDF + "type");
                return type != null && type.getURI().equals(DCT + "RightsStatement")
                        ? value(statement, RDFS + "label")
                        : "";
            }
            return statement.toString();
        }
    }
}
