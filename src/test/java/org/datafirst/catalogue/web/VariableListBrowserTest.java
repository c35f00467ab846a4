package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A researcher builds the variable list for an application in Chromium, without an account:
 * five variables from two datasets (from variable pages and from search results), a justification
 * for each, then the XLSX download, whose cells are checked. axe-core on the list page.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariableListBrowserTest {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver driver;
    private String axe;

    @BeforeAll
    void start() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-list"));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private void addFromVariablePage(String dataset, String table, String variable) {
        driver.get(url("/datasets/" + dataset + "/tables/" + table + "/variables/" + variable));
        driver.findElement(By.xpath("//button[normalize-space()='Add to your variable list']"))
                .click();
        assertThat(driver.findElement(By.cssSelector(".govuk-notification-banner__heading"))
                        .getText())
                .isEqualTo("1 variable added to your list");
    }

    @Test
    void fiveVariablesFromTwoDatasetsJustifiedAndDownloaded() throws Exception {
        addFromVariablePage("probation", "delius_flatfile", "ethnicity_desc");
        addFromVariablePage("probation", "delius_flatfile", "gender");
        addFromVariablePage("moj-dfe-data-share", "MOJ_PNC", "mojuid");
        addFromVariablePage("moj-dfe-data-share", "MOJ_PNC", "offencestartdate");
        // the fifth from search results
        driver.get(url("/search?q=caseid&kind=variables"));
        driver.findElement(By.xpath("//li[.//a[normalize-space()='caseid']]//button"))
                .click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your variable list");

        // Grouped by dataset, with the approvals each needs and where it is held
        assertThat(driver.findElements(By.cssSelector("main section h2")).stream()
                        .map(e -> e.getText())
                        .toList())
                .containsExactly("MoJ Data First probation dataset", "MoJ-DfE data share");
        String page = driver.findElement(By.id("main-content")).getText();
        assertThat(page)
                .contains(
                        "MoJ Data Access Governance Board (DAGB)",
                        "Department for Education (DfE)",
                        "ONS SRS, SAIL Databank");
        assertThat(driver.findElements(By.cssSelector("textarea"))).hasSize(5);

        // Justify each and save
        List<String> justifications = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = "Needed for outcome " + (i + 1) + ", by ethnicity & age";
            justifications.add(text);
            driver.findElement(By.id("justification-" + i)).sendKeys(text);
        }
        driver.findElement(By.xpath("//button[normalize-space()='Save justifications']"))
                .click();
        assertThat(driver.findElement(By.id("justification-4")).getAttribute("value"))
                .isEqualTo(justifications.get(4));
        assertThat(Browser.axeViolations(driver, axe))
                .as("axe-core violations on the variable list")
                .isEmpty();

        // Download as XLSX with the browser's cookie, and read its cells
        String cookie = driver.manage().getCookieNamed(VariableListCookie.NAME).getValue();
        String href = driver.findElement(By.linkText("Download as XLSX")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", VariableListCookie.NAME + "=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        List<Map<String, String>> rows = rows(download.body());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0))
                .containsEntry("Dataset", "MoJ Data First probation dataset")
                .containsEntry("Table", "delius_flatfile")
                .containsEntry("Variable", "ethnicity_desc")
                .containsEntry("Justification", justifications.get(0))
                .containsEntry("Where held", "ONS SRS, SAIL Databank")
                .containsEntry("Approval", "DAG, DAGB");
        assertThat(rows.get(4))
                .containsEntry("Dataset", "MoJ-DfE data share")
                .containsEntry("Table", "MOJ_PNC")
                .containsEntry("Variable", "caseid")
                .containsEntry("Approval", "DAG, DAGB, DfE")
                .containsEntry("Where held", "ONS SRS")
                .containsEntry("Justification", justifications.get(4));
        assertThat(rows.get(4).get("Description")).contains("Case identifier");

        // A forged cookie reads as an empty list
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/your-list")))
                                .header("Cookie", VariableListCookie.NAME + "=" + cookie.replaceFirst(".$", "x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.body()).contains("Your list is empty");
    }

    /** The data rows of the first sheet, by the header row's names (the row whose first cell is "Dataset"). */
    private static List<Map<String, String>> rows(byte[] xlsx) throws IOException {
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : text.formatCellValue(row.getCell(c)));
                }
                if (header == null) {
                    header = cells.isEmpty() || !cells.get(0).equals("Dataset") ? null : cells;
                    continue;
                }
                Map<String, String> values = new java.util.LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    values.put(header.get(c), c < cells.size() ? cells.get(c) : "");
                }
                rows.add(values);
            }
            return rows;
        }
    }
}
