package org.datafirst.catalogue.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A report the module wrote on synthetic records, published with a curator token, reaches a researcher: the dataset
 * page's Linkage quality section (axe-clean), the Linked datasets page linking back to it, and the downloads — the
 * CSV, and the Linkage quality sheet of the XLSX (opened with POI, cells equal to the published figures) and ODS.
 */
@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkageQualityBrowserTest {

    private static final String ID = "browser-linkage";
    private static final String CURATOR = Tokens.curator("linkage-browser");

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver driver;
    private String axe;

    @BeforeAll
    void start() throws IOException {
        axe = Browser.axe();
        driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void assertAccessible(String page) {
        assertThat(Browser.axeViolations(driver, axe))
                .as("axe-core violations on the %s page", page)
                .isEmpty();
    }

    @Test
    void publishedFiguresReachTheDatasetPageTheLinkedDatasetsPageAndTheDownloads() throws Exception {
        // Given a dataset and a report the module wrote on synthetic records, published through the API
        given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(ID).toString())
                .put("/api/v1/datasets/" + ID)
                .then()
                .statusCode(201);
        ObjectNode report = Documents.moduleSyntheticReport();
        report.with("provenance").put("synthetic_records", true);
        given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(report.toString())
                .post("/api/v1/datasets/" + ID + "/linkage-quality")
                .then()
                .statusCode(201);
        JsonNode published = new ObjectMapper()
                .readTree(given().get("/api/v1/datasets/" + ID + "/linkage-quality")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("report");

        // The dataset page has the section, says the records were synthetic, and is accessible
        driver.get(root.toString().replaceAll("/$", "") + "/datasets/" + ID);
        driver.findElement(By.cssSelector("a[href='#linkage-quality']")).click();
        WebElement section = driver.findElement(By.cssSelector("section[aria-labelledby='linkage-quality']"));
        assertThat(section.getText())
                .contains("Linkage quality", "synthetic records", "civil, claimant", "family, respondent")
                .contains("What this means for your research", "95% interval");
        assertThat(section.findElements(By.tagName("svg"))).hasSize(3);
        assertAccessible("dataset (with linkage quality)");

        // The Linked datasets page shows the report's datasets, marks them synthetic and links back to the section
        section.findElement(By.linkText("Which datasets link to which")).click();
        assertThat(driver.getTitle()).contains("Linked datasets");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("synthetic records");
        WebElement family = driver.findElement(By.xpath("//tbody/tr[th/a[normalize-space()='family']]"));
        assertThat(family.getText()).contains("Synthetic");
        assertAccessible("linked datasets");
        family.findElement(By.linkText("family")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/datasets/" + ID + "#linkage-quality");

        // The downloads list the figures as CSV and the dictionary workbooks, which carry the sheet
        Map<String, String> downloads = new HashMap<>();
        for (WebElement link : driver.findElements(By.cssSelector("#downloads + ul a"))) {
            downloads.put(link.getText(), link.getAttribute("href"));
        }
        assertThat(downloads)
                .containsKeys("Linkage quality figures (CSV)", "Data dictionary (XLSX)", "Data dictionary (ODS)");
        String csv = given().get(downloads.get("Linkage quality figures (CSV)"))
                .then()
                .statusCode(200)
                .contentType("text/csv; charset=utf-8")
                .extract()
                .asString();
        assertThat(csv).startsWith("Source dataset,Role,Measure,Of,Value,").contains(",yes\r\n");

        byte[] xlsx = given().get(downloads.get("Data dictionary (XLSX)"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheet("Linkage quality");
            assertThat(sheet).as("Linkage quality sheet").isNotNull();
            Map<String, List<String>> cells = cells(sheet);
            int checked = 0;
            for (JsonNode g : published.get("groups")) {
                String at =
                        g.get("source_dataset").asText() + "|" + g.get("role").asText();
                checked += sameFigure(cells, at + "|records|", g.get("records"));
                for (JsonNode l : g.get("cross_dataset_link_rates")) {
                    String other = l.get("other_dataset").asText();
                    checked += sameFigure(cells, at + "|linked records|" + other, l.get("linked_records"));
                    checked += sameFigure(cells, at + "|link rate|" + other, l.get("rate"));
                }
            }
            assertThat(checked).isGreaterThan(150);
            JsonNode precision = published.at("/evaluation/at_threshold/precision");
            assertThat(cells.get("(all)|(all)|precision|accepted pairs at the threshold"))
                    .containsSequence(
                            precision.get("value").asText(),
                            precision.get("ci95_lower").asText(),
                            precision.get("ci95_upper").asText());
            assertThat(cells.get("(all)|(all)|run: records|").get(0)).startsWith("synthetic records");
        }

        byte[] ods = given().get(downloads.get("Data dictionary (ODS)"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(odsContent(ods)).contains("table:name=\"Linkage quality\"");
    }

    /** The sheet's rows below its title and header, by "dataset|role|measure|of" → the cells from Value on. */
    private static Map<String, List<String>> cells(XSSFSheet sheet) {
        DataFormatter text = new DataFormatter();
        Row header = sheet.getRow(1);
        assertThat(text.formatCellValue(header.getCell(4))).isEqualTo("Value");
        Map<String, List<String>> cells = new HashMap<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> values = new java.util.ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                values.add(text.formatCellValue(row.getCell(c)));
            }
            cells.put(String.join("|", values.subList(0, 4)), values.subList(4, values.size()));
        }
        return cells;
    }

    /** The Value cell holds the published number, or is empty with the reason where the report suppresses it. */
    private static int sameFigure(Map<String, List<String>> cells, String key, JsonNode figure) {
        List<String> row = cells.get(key);
        assertThat(row).as(key).isNotNull();
        if (figure.isNumber()) {
            assertThat(row.get(0)).as(key).isEqualTo(figure.asText());
        } else {
            assertThat(row.get(0)).as(key + " is suppressed").isEmpty();
            assertThat(row.get(3)).as(key).startsWith("suppressed");
        }
        return 1;
    }

    private static String odsContent(byte[] ods) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("content.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no content.xml in the ODS download");
    }
}
