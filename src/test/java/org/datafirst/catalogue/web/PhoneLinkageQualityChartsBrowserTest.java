package org.datafirst.catalogue.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A dataset page with a linkage-quality report the linkage module wrote (seven datasets and their roles) on a phone:
 * the coverage timeline and the three linkage-quality charts keep their text legible and inside the chart, the page
 * does not scroll sideways, and axe-core finds nothing.
 */
@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLinkageQualityChartsBrowserTest {

    private static final String ID = "phone-charts";

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver driver;
    private boolean published;

    /** Once, in the first test (REST Assured knows the test port only by then). */
    @BeforeEach
    void publishADatasetWithAReport() throws Exception {
        if (published) {
            return;
        }
        published = true;
        String curator = Tokens.curator("alice");
        given().header("Authorization", curator)
                .contentType("application/json")
                .body(Documents.dataset(ID).toString())
                .put("/api/v1/datasets/" + ID)
                .then()
                .statusCode(201);
        try (InputStream in = getClass().getResourceAsStream("/linkagequality/module-synthetic-report.json")) {
            given().header("Authorization", curator)
                    .contentType("application/json")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/" + ID + "/linkage-quality")
                    .then()
                    .statusCode(201);
        }
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {320, 375})
    void linkageQualityChartsAreLegibleOnAPhone(int width) throws Exception {
        driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-phone-lq"), width);
        String page = "/datasets/" + ID;
        driver.get(root.toString().replaceAll("/$", "") + page);
        Map<String, Object> chartText = Browser.chartText(driver);
        assertThat(PhoneLayoutBrowserTest.assertChartTextLegible(chartText, page, width))
                .as("charts: coverage, link rates, cluster sizes, match weights")
                .isEqualTo(4);
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth"))
                        .intValue())
                .as("page width at %d px", width)
                .isLessThanOrEqualTo(width);
        String axe = Browser.axe();
        assertThat(Browser.axeViolations(driver, axe))
                .as("axe-core violations on a dataset page with linkage quality at %d px", width)
                .isEmpty();
    }
}
