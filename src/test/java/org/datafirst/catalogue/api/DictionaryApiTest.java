package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Downloads and uploads of dictionaries over HTTP. */
@QuarkusTest
class DictionaryApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    int currentVersion(String dataset) {
        return given().get("/api/v1/datasets/" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .path("release.version");
    }

    @ParameterizedTest
    @CsvSource({
        "dictionary.xlsx, " + XLSX + ", xlsx",
        "dictionary.ods, " + ODS + ", ods",
        "dictionary/variables.csv, text/csv, variables.csv"
    })
    void downloadsHaveTheirTypeFileNameAndAStableETag(String path, String mediaType, String suffix) {
        int version = currentVersion("probation");
        String url = "/api/v1/datasets/probation/" + path;
        Response response = given().get(url)
                .then()
                .statusCode(200)
                .header("Content-Type", containsString(mediaType))
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"probation-" + version + (suffix.endsWith(".csv") ? "-" : ".")
                                + suffix + "\""))
                .extract()
                .response();
        String etag = response.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(response.asByteArray()).isNotEmpty();
        given().get(url).then().statusCode(200).header("ETag", etag);
        given().header("If-None-Match", etag).get(url).then().statusCode(304).body(emptyString());
    }

    @Test
    void anyReleaseCanBeDownloadedAndLinksAreInTheDatasetJson() {
        given().get("/api/v1/datasets/probation/releases/1/dictionary.ods")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("probation-1.ods"));
        given().get("/api/v1/datasets/probation/releases/1/dictionary/lookups.csv")
                .then()
                .statusCode(200)
                .body(containsString("Lookup,Code,Label,Description"));
        given().get("/api/v1/datasets/probation")
                .then()
                .statusCode(200)
                .body("downloads.href", hasItem("/api/v1/datasets/probation/dictionary.xlsx"))
                .body("downloads.href", hasItem("/api/v1/datasets/probation/dictionary/variables.csv"))
                .body("downloads.find { it.format == 'ods' }.mediaType", equalTo(ODS));
        given().get("/api/v1/datasets/probation/releases/1")
                .then()
                .statusCode(200)
                .body("downloads.href", hasItem("/api/v1/datasets/probation/releases/1/dictionary.xlsx"));
    }

    @Test
    void unknownReleasesSheetsAndDatasetsAreProblems() {
        given().get("/api/v1/datasets/probation/releases/99/dictionary.xlsx")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/datasets/probation/dictionary/nothing.csv")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("variables"));
        given().get("/api/v1/datasets/no-such/dictionary.xlsx")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theWholeCatalogueWorkbookHoldsEveryDataset() throws IOException {
        byte[] xlsx = given().get("/api/v1/catalogue/dictionary.xlsx")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("data-first-catalogue.xlsx"))
                .extract()
                .asByteArray();
        Set<String> datasets = new HashSet<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheet("Dataset")) {
                if (row.getRowNum() > 1) {
                    datasets.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(workbook.getSheet("Variables").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Dataset");
        }
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("catalogue-sources/datasets"))) {
            assertThat(datasets).hasSize((int)
                    files.filter(f -> f.toString().endsWith(".yaml")).count());
        }
        given().get("/api/v1/catalogue/dictionary.ods").then().statusCode(200).contentType(ODS);
    }

    String etag(String dataset) {
        return given().get("/api/v1/datasets/" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void aCuratorImportOfAnUnchangedWorkbookMakesNoReleaseAndNeedsIfMatch() {
        int version = currentVersion("crown-court-defendant");
        byte[] ods = given().get("/api/v1/datasets/crown-court-defendant/dictionary.ods")
                .then()
                .extract()
                .asByteArray();
        given().header("Authorization", Tokens.curator("carol"))
                .multiPart("file", "crown.ods", ods, ODS)
                .post("/api/v1/datasets/crown-court-defendant/dictionary")
                .then()
                .statusCode(428);
        given().header("Authorization", Tokens.curator("carol"))
                .header("If-Match", "\"stale\"")
                .multiPart("file", "crown.ods", ods, ODS)
                .post("/api/v1/datasets/crown-court-defendant/dictionary")
                .then()
                .statusCode(412);
        given().header("Authorization", Tokens.curator("carol"))
                .header("If-Match", etag("crown-court-defendant"))
                .multiPart("file", "crown.ods", ods, ODS)
                .post("/api/v1/datasets/crown-court-defendant/dictionary")
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag("crown-court-defendant")))
                .body("dryRun", equalTo(false))
                .body("changeCount", equalTo(0))
                .body("version", equalTo(null));
        assertThat(currentVersion("crown-court-defendant")).isEqualTo(version);
    }

    @Test
    void aDryRunUploadOfTheExportFindsNoChanges() {
        byte[] xlsx = given().get("/api/v1/datasets/civil-court/dictionary.xlsx")
                .then()
                .extract()
                .asByteArray();
        given().multiPart("file", "civil-court.xlsx", xlsx, XLSX)
                .queryParam("dryRun", "true")
                .post("/api/v1/datasets/civil-court/dictionary")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("layout", equalTo("catalogue"))
                .body("changeCount", equalTo(0));
    }

    @Test
    void aBadUploadIsAProblemNamingTheCellAndWritesNothing() throws IOException {
        int version = currentVersion("probation");
        byte[] xlsx = given().get("/api/v1/datasets/probation/dictionary.xlsx")
                .then()
                .extract()
                .asByteArray();
        byte[] broken;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = workbook.getSheet("Variables").getRow(2);
            row.removeCell(row.getCell(4));
            row.createCell(4).setCellValue("interger");
            workbook.write(out);
            broken = out.toByteArray();
        }
        given().multiPart("file", "probation.xlsx", broken, XLSX)
                .queryParam("dryRun", "true")
                .post("/api/v1/datasets/probation/dictionary")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-spreadsheet"))
                .body("detail", containsString("Variables!E3"))
                .body("errors[0].location", equalTo("Variables!E3"))
                .body("errors[0].message", containsString("Type 'interger'"));
        given().multiPart("file", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain")
                .queryParam("dryRun", "true")
                .post("/api/v1/datasets/civil-court/dictionary")
                .then()
                .statusCode(422)
                .body("errors[0].location", equalTo("notes.txt"));
        given().contentType("multipart/form-data")
                .multiPart("other", "x")
                .queryParam("dryRun", "true")
                .post("/api/v1/datasets/civil-court/dictionary")
                .then()
                .statusCode(400)
                .body("errors[0].location", equalTo("file"));
        // Writing needs a curator token and If-Match
        given().multiPart("file", "probation.xlsx", xlsx, XLSX)
                .post("/api/v1/datasets/probation/dictionary")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"));
        given().header("Authorization", Tokens.reader("bob"))
                .multiPart("file", "probation.xlsx", xlsx, XLSX)
                .post("/api/v1/datasets/probation/dictionary")
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.curator("carol"))
                .multiPart("file", "probation.xlsx", broken, XLSX)
                .header("If-Match", etag("probation"))
                .post("/api/v1/datasets/probation/dictionary")
                .then()
                .statusCode(422)
                .body("errors[0].location", equalTo("Variables!E3"));
        assertThat(currentVersion("probation")).isEqualTo(version);
    }
}
