package org.datafirst.catalogue.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The release history's "what changed" link opens a page (not JSON) listing each change; axe-clean. */
@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class ReleaseChangesBrowserTest {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @TestHTTPResource("/")
    URL root;

    @Test
    void whatChangedIsARenderedPage() throws IOException {
        // Given release 1 and release 2 of a dataset, with a new title and a new code
        String curator = Tokens.curator("alice");
        String tag = given().header("Authorization", curator)
                .contentType("application/json")
                .body(Documents.dataset("changes-page").toString())
                .put("/api/v1/datasets/changes-page")
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
        given().header("Authorization", curator)
                .header("If-Match", tag)
                .contentType("application/merge-patch+json")
                .body(
                        "{\"title\": \"Changes page, second edition\", \"lookups\": [{\"id\": \"test-sex\", \"title\": \"Sex\", "
                                + "\"codes\": [{\"code\": \"F\", \"label\": \"Female\"}, {\"code\": \"M\", \"label\": \"Male\"}, "
                                + "{\"code\": \"U\", \"label\": \"Unknown\"}]}]}")
                .patch("/api/v1/datasets/changes-page")
                .then()
                .statusCode(201);

        String axe;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ChromeDriver driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-changes"));
        try {
            driver.get(root.toString().replaceAll("/$", "") + "/datasets/changes-page");
            driver.findElement(By.partialLinkText("What changed from the release before"))
                    .click();
            assertThat(driver.getCurrentUrl()).contains("/datasets/changes-page/changes?from=1&to=2");
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("What changed from release 1 to release 2");
            assertThat(driver.findElement(By.id("changes-dataset")).getText())
                    .contains("title", "Changed", "Changes page, second edition");
            assertThat(driver.findElement(By.id("changes-codes")).getText()).contains("Added", "Unknown");
            assertThat(Browser.axeViolations(driver, axe))
                    .as("axe-core violations on the changes page")
                    .isEmpty();
        } finally {
            driver.quit();
        }
    }
}
