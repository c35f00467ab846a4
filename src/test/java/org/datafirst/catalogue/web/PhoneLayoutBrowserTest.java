package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page type on a phone 320 and 375 CSS pixels wide (Chromium's mobile emulation): no sideways
 * scroll of the page (wide tables scroll inside their own box), variable and table names that wrap
 * only after an underscore, no axe-core violation, touch targets of at least 24 × 24 px (WCAG 2.5.8), and chart text drawn
 * at {@link #CHART_TEXT_PX} CSS pixels or more, inside its chart. The linkage-quality charts are measured by
 * {@link PhoneLinkageQualityChartsBrowserTest}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTest {

    private static final List<String> PAGES = List.of(
            "/",
            "/search?q=ethnicity",
            "/search?coverageFrom=20x5",
            "/datasets/probation",
            "/datasets/offender-assessment-oasys",
            "/datasets/moj-dfe-data-share",
            "/datasets/probation/tables/delius_flatfile/variables/ethnicity_desc",
            "/lookups/ethnicity-description",
            "/coverage",
            "/compare?dataset=probation&dataset=moj-dfe-data-share&dataset=offender-assessment-oasys",
            "/your-list",
            "/accessibility",
            "/nope");

    /** GOV.UK's smallest text on phones is 14 px; 12 px is the least we accept for chart text. */
    static final double CHART_TEXT_PX = 12;

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {320, 375})
    void pagesFitAPhoneScreen(int width) throws Exception {
        String axe = Browser.axe();
        driver = Browser.start(Files.createTempDirectory(Path.of("target"), "chromium-phone"), width);
        int chartPages = 0;
        for (String page : PAGES) {
            driver.get(root.toString().replaceAll("/$", "") + page);
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                    const width = document.documentElement.clientWidth;
                    const brokenNames = [];
                    // names of tables and variables; code values (in code lists) are text and may wrap at spaces
                    for (const code of [...document.querySelectorAll('.app-code')]
                            .filter(e => !e.closest('details') && !e.matches('th.app-code'))) {
                      const text = code.textContent;
                      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
                      let previousTop = null, previousChar = '';
                      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        for (let i = 0; i < node.length; i++) {
                          const range = document.createRange();
                          range.setStart(node, i); range.setEnd(node, i + 1);
                          const rect = range.getBoundingClientRect();
                          if (rect.width === 0 && rect.height === 0) continue;
                          if (previousTop !== null && rect.top > previousTop + 2
                              && previousChar !== '_' && previousChar !== ' ' && node.data[i] !== ' ') {
                            brokenNames.push(text.trim());
                          }
                          previousTop = rect.top; previousChar = node.data[i];
                        }
                      }
                    }
                    const smallTargets = [];
                    for (const t of document.querySelectorAll(
                        'button, input:not([type=hidden]), summary, .govuk-pagination__link, .govuk-service-navigation__link, .app-contents a, .govuk-footer__inline-list-item a')) {
                      const r = t.getBoundingClientRect();
                      if (r.width > 0 && (r.width < 24 || r.height < 24)) {
                        smallTargets.push(t.tagName + ' ' + (t.textContent || t.id).trim().slice(0, 30)
                            + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                      }
                    }
                    return { scrollWidth: document.documentElement.scrollWidth, width: width,
                             brokenNames: [...new Set(brokenNames)].slice(0, 5), smallTargets: smallTargets.slice(0, 5) };
                    """);
            assertThat(((Number) measured.get("scrollWidth")).intValue())
                    .as("page width of %s at %d px", page, width)
                    .isLessThanOrEqualTo(width);
            assertThat((List<?>) measured.get("brokenNames"))
                    .as("names broken inside a word on %s at %d px", page, width)
                    .isEmpty();
            assertThat((List<?>) measured.get("smallTargets"))
                    .as("touch targets under 24 px on %s at %d px", page, width)
                    .isEmpty();
            if (assertChartTextLegible(Browser.chartText(driver), page, width) > 0) {
                chartPages++;
            }
            assertThat(Browser.axeViolations(driver, axe))
                    .as("axe-core violations on %s at %d px", page, width)
                    .isEmpty();
        }
        assertThat(chartPages)
                .as("pages with charts (dataset timelines, coverage)")
                .isEqualTo(4);
    }

    static int assertChartTextLegible(Map<String, Object> chartText, String page, int width) {
        int charts = ((Number) chartText.get("charts")).intValue();
        if (charts > 0) {
            assertThat(((Number) chartText.get("smallest")).doubleValue())
                    .as("smallest chart text (CSS px) on %s at %d px", page, width)
                    .isGreaterThanOrEqualTo(CHART_TEXT_PX);
            assertThat((List<?>) chartText.get("outside"))
                    .as("chart text running out of its chart on %s at %d px", page, width)
                    .isEmpty();
        }
        return charts;
    }
}
