package org.datafirst.catalogue.linkagequality;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.datafirst.catalogue.dcat.ShaclCheck;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.datafirst.catalogue.validation.HarvestValidation;
import org.datafirst.catalogue.validation.JsonSchemas;
import org.junit.jupiter.api.Test;

/**
 * A published report reaches every surface: the dataset page's section (per role, with provenance and the synthetic
 * warning), the linked-datasets page and API resource, and the report history.
 */
@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class LinkageQualitySurfacesTest {

    private static final String ID = "surfaces";
    private static final String CURATOR = Tokens.curator("alice");

    static ObjectNode report(boolean synthetic, double applicantRate) {
        ObjectNode report = DifferencingCheckTest.report();
        report.put("format", "datafirst-linkage-quality-report/1");
        report.set("provenance", Documents.json("""
                {"software": "datafirst linkage-module", "software_version": "0.1.0",
                 "settings_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "run_started": "2025-05-30T09:00:00Z", "run_seconds": 12.5, "link_type": "link_and_dedupe",
                 "threshold_match_probability": 0.5,
                 "model": {"probability_two_random_records_match": 0.0001, "comparisons": []}}"""));
        ((ObjectNode) report.get("provenance")).put("synthetic_records", synthetic);
        report.with("disclosure_control").put("rule", "counts from 1 to 9 are suppressed");
        report.with("evaluation").put("method", "truth").put("interval_method", "Wilson");
        for (String row : new String[] {"/evaluation/at_threshold", "/evaluation/best_f1"}) {
            for (String m : new String[] {"precision", "recall", "f1"}) {
                ((ObjectNode) report.at(row + "/" + m)).put("ci95_lower", 0.8).put("ci95_upper", 0.99);
            }
        }
        report.at("/evaluation/across_thresholds").forEach(row -> {
            for (String m : new String[] {"precision", "recall", "f1"}) {
                ((ObjectNode) row.get(m)).put("ci95_lower", 0.8).put("ci95_upper", 0.99);
            }
        });
        report.withArray("groups")
                .forEach(g -> ((ObjectNode) g).set("cluster_size_distribution", Documents.json("{}")));
        ((ObjectNode) report.at("/groups/1/cross_dataset_link_rates/0")).put("rate", applicantRate);
        // in the order the module wrote them (its settings' order), which the catalogue keeps
        ((ObjectNode) report.at("/groups/0")).set("identifier_completeness", Documents.json("""
                        {"surname": 0.95, "first_name": 0.5, "dob": 0.5, "postcode": 0.5, "sex": 0.5}"""));
        report.with("overall").put("expected_missed_matches", 4.1);
        ((ObjectNode) report.at("/overall/clustering"))
                .put("method", "average_linkage")
                .put("largest_cluster_size_band", "4");
        report.at("/overall/match_weight_histogram")
                .forEach(b -> ((ObjectNode) b)
                        .put("upper_weight", b.get("lower_weight").asInt() + 1));
        return report;
    }

    @Test
    void aPublishedReportIsShownOnTheDatasetPageTheLinkedDatasetsPageAndTheApi() throws Exception {
        given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(ID).toString())
                .put("/api/v1/datasets/" + ID)
                .then()
                .statusCode(201);
        // Before any report there is no linkage-quality download, and the problem says why
        given().get("/api/v1/datasets/" + ID + "/dictionary/linkage-quality.csv")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("has no linkage-quality report for release 1"));
        for (boolean synthetic : new boolean[] {false, true}) {
            given().header("Authorization", CURATOR)
                    .contentType("application/json")
                    .body(report(synthetic, 0.2).toString())
                    .post("/api/v1/datasets/" + ID + "/linkage-quality")
                    .then()
                    .statusCode(201);
        }

        String page = given().accept("text/html")
                .get("/datasets/" + ID)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("id=\"linkage-quality\"", "synthetic records", "family, applicant", "family, respondent")
                .contains("20.0%", "95% interval", "0.900", "link and dedupe", "9f86d081884c7d659a2feaa0c55ad015")
                .contains("<svg", "Link rate per role")
                .contains("What this means for your research");

        String linked = given().accept("text/html")
                .get("/linked-datasets")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(linked)
                .contains("href=\"/datasets/" + ID + "#linkage-quality\"", ">family<", "20.0%")
                .contains("Rows marked Synthetic");
        // The figures download as CSV, one a row, each saying they come from synthetic records
        String csv = given().get("/api/v1/datasets/" + ID + "/dictionary/linkage-quality.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains("\r\nfamily,applicant,link rate,probation,0.2,,,,");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).endsWith(",yes"));
        // The whole-catalogue workbook has the sheet too, each row led by the dataset the report is attached to
        byte[] catalogueXlsx = given().get("/api/v1/catalogue/dictionary.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(catalogueXlsx))) {
            var sheet = workbook.getSheet("Linkage quality");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Dataset");
            List<String> datasets = new java.util.ArrayList<>();
            sheet.forEach(row -> datasets.add(row.getCell(0).getStringCellValue()));
            assertThat(datasets).contains(ID);
        }

        // other tests of this profile may have published reports of their own datasets: read the family row
        var matrix = given().get("/api/v1/linked-datasets")
                .then()
                .statusCode(200)
                .body("datasets", hasItems("family", "probation"))
                .extract()
                .jsonPath();
        int probation = matrix.getList("datasets").indexOf("probation");
        String family = "rows.find { it.sourceDataset == 'family' }";
        assertThat(matrix.getString(family + ".reportDataset")).isEqualTo(ID);
        assertThat(matrix.getBoolean(family + ".syntheticRecords")).isTrue();
        assertThat(matrix.getFloat(family + ".cells[" + probation + "].rate")).isEqualTo(0.2f);
        assertThat(matrix.getInt(family + ".cells[" + probation + "].linkedRecords"))
                .isEqualTo(200);

        List<Integer> history = given().get("/api/v1/datasets/" + ID + "/linkage-quality/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].report.provenance.synthetic_records", equalTo(true))
                .body("[1].report.provenance.synthetic_records", equalTo(false))
                .extract()
                .jsonPath()
                .getList("id");
        String stored = given().get("/api/v1/datasets/" + ID + "/linkage-quality/history")
                .then()
                .extract()
                .asString();
        List<String> identifiers = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(stored)
                .at("/0/report/groups/0/identifier_completeness")
                .fieldNames()
                .forEachRemaining(identifiers::add);
        assertThat(identifiers).containsExactly("surname", "first_name", "dob", "postcode", "sex");
        given().get("/api/v1/datasets/no-such-dataset/linkage-quality/history")
                .then()
                .statusCode(404);

        // DCAT: the dataset's figures are DQV measurements of the run (PROV), and the graph is DCAT-AP valid
        Model dcat = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(given().accept("text/turtle")
                        .get("/datasets/" + ID + ".ttl")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()))
                .lang(Lang.TURTLE)
                .parse(dcat);
        assertThat(dcat.listSubjectsWithProperty(
                                RDF.type, dcat.createResource("http://www.w3.org/ns/dqv#QualityMeasurement"))
                        .toList())
                .hasSizeGreaterThan(10);
        assertThat(dcat.listSubjectsWithProperty(RDF.type, dcat.createResource("http://www.w3.org/ns/prov#Activity"))
                        .toList())
                .hasSize(1);
        assertThat(ShaclCheck.validate(dcat).violations()).isEmpty();

        // HDR UK: the linkage section is filled and the document is valid against 4.0.0
        JsonNode hdruk = Documents.json(given().get("/api/v1/gmi/datasets/" + ID)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(JsonSchemas.validate(HarvestValidation.HDRUK_SCHEMA, hdruk, ID))
                .isEmpty();
        assertThat(hdruk.at("/enrichmentAndLinkage/linkableDatasets/0/title").asText())
                .isEqualTo("probation");
        assertThat(hdruk.path("version").asText())
                .as("the newest report is the patch part")
                .matches("1\\.\\d+\\." + history.get(0));
    }
}
