package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Three datasets compared side by side, chosen with checkboxes (no JavaScript needed); axe-clean. */
@QuarkusTest
class CompareBrowserTest {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @TestHTTPResource("/")
    URL root;

    @Test
    void threeDatasetsSideBySide() throws IOException {
        String axe;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ChromeDriver driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-compare"));
        try {
            driver.get(root.toString().replaceAll("/$", "") + "/");
            driver.findElement(By.linkText("Compare datasets side by side")).click();
            for (String title : List.of(
                    "MoJ Data First probation dataset", "MoJ-DfE data share", "MoJ Offender Assessment dataset")) {
                driver.findElement(By.xpath("//label[normalize-space()='" + title + "']"))
                        .click();
            }
            driver.findElement(By.xpath("//button[normalize-space()='Compare']"))
                    .click();

            WebElement table = driver.findElement(By.id("comparison"));
            assertThat(table.findElements(By.cssSelector("thead th")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .containsExactlyInAnyOrder(
                            "MoJ Data First probation dataset",
                            "MoJ-DfE data share",
                            "MoJ Offender Assessment dataset");
            String approvals = table.findElement(By.xpath(".//tr[th[normalize-space()='Approvals needed']]"))
                    .getText();
            assertThat(approvals).contains("Department for Education (DfE)", "MoJ Data Access Governance Board (DAGB)");
            assertThat(table.findElement(By.xpath(".//tr[th[normalize-space()='Source systems']]"))
                            .getText())
                    .contains("nDelius", "PNC", "OASys");
            assertThat(table.getText()).contains("Coverage", "Where it is held", "Tables", "Key variables");
            assertThat(Browser.axeViolations(driver, axe))
                    .as("axe-core violations on the compare page")
                    .isEmpty();
        } finally {
            driver.quit();
        }
    }
}
