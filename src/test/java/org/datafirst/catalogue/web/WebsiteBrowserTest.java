package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Drives headless Chromium through the website as a researcher would: search → dataset → variable
 * → download, checking each page's content, and runs axe-core (WCAG 2.x A and AA) on the home,
 * search results, dataset, variable and coverage pages.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebsiteBrowserTest {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver driver;
    private String axe;

    @BeforeAll
    void start() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core WebJar on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-profile"));
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

    private void assertAccessible(String page) {
        List<Map<String, Object>> violations = Browser.axeViolations(driver, axe);
        assertThat(violations)
                .as("axe-core violations on the " + page + " page")
                .isEmpty();
    }

    @Test
    void searchToDatasetToVariableToDownload() throws Exception {
        // Home: one search box
        driver.get(url("/"));
        assertThat(driver.getTitle()).contains("Find Ministry of Justice Data First data");
        assertThat(driver.findElements(By.cssSelector(".govuk-summary-card"))).hasSize(9);
        assertAccessible("home");

        // Search for a variable by a word of its description
        driver.findElement(By.id("search-q")).sendKeys("ethnicity");
        driver.findElement(By.cssSelector("form[role=search] button[type=submit]"))
                .click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Search results for ‘ethnicity’");
        assertThat(driver.findElement(By.id("group-variables")).getText()).startsWith("Variables");
        List<WebElement> marks = driver.findElements(By.cssSelector(".app-result mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.get(0).getText()).containsIgnoringCase("ethnic");
        assertAccessible("search results");

        // Facets combine: SAIL Databank and DfE approval leave no dataset; the page helps
        driver.get(url("/search?q=ethnicity&whereHeld=SAIL+Databank&approval=DfE"));
        assertThat(driver.findElement(By.id("no-results")).getText()).isEqualTo("There are no matching results");
        assertThat(driver.findElement(By.linkText("removing the filters")).getAttribute("href"))
                .endsWith("/search?q=ethnicity");

        // Dataset page from a result
        driver.get(url("/search?q=ethnicity"));
        driver.findElement(By.linkText("MoJ Data First probation dataset")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("MoJ Data First probation dataset");
        assertThat(driver.findElement(By.id("coverage-chart")).getAttribute("role"))
                .isEqualTo("img");
        assertThat(driver.findElement(By.id("coverage-chart-title")).getAttribute("textContent"))
                .isEqualTo("Coverage of MoJ Data First probation dataset");
        String access = driver.findElement(By.id("main-content")).getText();
        assertThat(access)
                .contains(
                        "MoJ Data Access Governance Board (DAGB)",
                        "Become an accredited researcher",
                        "Secure Access to Data",
                        "Information Governance Review Panel (IGRP)",
                        "UKSA Research Accreditation Panel (RAP)");
        assertThat(driver.findElement(By.id("table-delius_flatfile")).getText()).isEqualTo("delius_flatfile");
        assertThat(driver.findElement(By.id("citation")).getText())
                .contains("MoJ Data First probation dataset", "/api/v1/datasets/probation/releases/1");
        // Lookup codes open without JavaScript (native details)
        WebElement codes = driver.findElement(By.xpath("//summary[contains(., 'codes of ethnicity_desc')]"));
        codes.click();
        assertThat(codes.findElement(By.xpath("..")).getText()).contains("Other Ethnic Group");
        assertAccessible("dataset");

        // Variable page, and where its code list is used
        driver.findElement(By.linkText("ethnicity_desc")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ethnicity_desc");
        assertThat(driver.findElement(By.id("used-by")).getText()).isEqualTo("Where this code list is used");
        assertThat(driver.findElement(By.id("main-content")).getText())
                .contains("delius_flatfile", "Other Ethnic Group");
        assertAccessible("variable");

        // Download: the JSON link of the dataset downloads the dataset's metadata
        driver.navigate().back();
        String json = driver.findElement(By.linkText("Dataset metadata (JSON)")).getAttribute("href");
        assertThat(download(json)).contains("\"id\":\"probation\"");
        assertThat(download(driver.findElement(By.linkText("DCAT metadata (Turtle)"))
                        .getAttribute("href")))
                .contains("dcat:Dataset");
        assertThat(download(driver.findElement(By.linkText("HDR UK Gateway metadata (JSON)"))
                        .getAttribute("href")))
                .contains("structuralMetadata");
        // The spreadsheet downloads are published by the spreadsheet work at agreed addresses
        assertThat(driver.findElements(By.cssSelector("#downloads + ul a")).stream()
                        .map(a -> a.getAttribute("href")))
                .anySatisfy(h -> assertThat(h).endsWith("/api/v1/datasets/probation/dictionary.xlsx"))
                .anySatisfy(h -> assertThat(h).endsWith("/api/v1/datasets/probation/dictionary.ods"))
                .anySatisfy(h -> assertThat(h).endsWith("/api/v1/datasets/probation/dictionary/variables.csv"))
                .anySatisfy(h -> assertThat(h).endsWith("/datasets/probation.ttl"))
                .anySatisfy(h -> assertThat(h).endsWith("/api/v1/gmi/datasets/probation"));
    }

    /** Downloads a link as a browser would, failing unless it answers 200. */
    private static String download(String href) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        return response.body();
    }

    @Test
    void coverageShowsEveryDatasetOnOneTimeline() {
        driver.get(url("/coverage"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Coverage periods of all datasets");
        assertThat(driver.findElements(By.cssSelector("#coverage-chart rect"))).hasSizeGreaterThanOrEqualTo(9);
        assertThat(driver.findElement(By.id("coverage-chart-desc")).getAttribute("textContent"))
                .contains("linkable to other datasets only until 31 March 2023");
        assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(9);
        assertAccessible("coverage");
    }

    @Test
    void theAccessibilityScanReportsViolationsWhenThereAreSome() {
        // Given a page without a language and with an image without alternative text
        driver.get(
                "data:text/html,<html><head><title>bad</title></head><body><main><img src='x.png'></main></body></html>");
        // Then axe-core names both problems, so the scans above can fail
        assertThat(Browser.axeViolations(driver, axe))
                .extracting(v -> v.get("id"))
                .contains("html-has-lang", "image-alt");
    }

    @Test
    void skipLinkIsTheFirstFocusableElement() {
        driver.get(url("/"));
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to main content");
        assertThat(focused.getAttribute("href")).endsWith("#main-content");
    }
}
