package org.datafirst.catalogue.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests, from the Debian packages that
 * scripts/install-browser.sh installs. Selenium gets both paths so it never looks on the network.
 * Without Chromium the tests fail in CI (CI set) and are skipped, with a message, elsewhere.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    static ChromeDriver start(Path profile) {
        return start(profile, 0);
    }

    /** With {@code phoneWidth} > 0, Chromium emulates a phone screen that many CSS pixels wide. */
    static ChromeDriver start(Path profile, int phoneWidth) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): run scripts/install-browser.sh as root";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + "; browser tests skipped outside CI");
        }
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1024",
                "--user-data-dir=" + profile.toAbsolutePath());
        if (phoneWidth > 0) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", phoneWidth, "height", 800, "pixelRatio", 1)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Chart text as drawn on the current page: for each {@code svg.app-chart} text, its font size after every
     * transform of the SVG (computed size × the scale from SVG units to CSS pixels) and whether it lies inside its
     * chart. Returns {@code charts} (how many), {@code smallest} (px) and {@code outside} (texts not inside, at most 5).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> chartText(ChromeDriver driver) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const charts = [...document.querySelectorAll('svg.app-chart')];
                let smallest = Infinity;
                const outside = [];
                for (const chart of charts) {
                  const box = chart.getBoundingClientRect();
                  for (const text of chart.querySelectorAll('text')) {
                    const ctm = text.getScreenCTM();
                    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b);
                    smallest = Math.min(smallest, size);
                    const r = text.getBoundingClientRect();
                    if (r.left < box.left - 0.5 || r.right > box.right + 0.5
                        || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
                      outside.push(chart.id + ': ' + text.textContent.slice(0, 40) + ' ' + Math.round(r.left)
                          + '..' + Math.round(r.right) + ' in ' + Math.round(box.left) + '..' + Math.round(box.right));
                    }
                  }
                }
                return { charts: charts.length, smallest: smallest === Infinity ? 0 : smallest,
                         outside: outside.slice(0, 5) };
                """);
    }

    /** The axe-core script, from its WebJar on the test classpath. */
    static String axe() {
        try (java.io.InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("no axe-core WebJar on the test classpath: " + AXE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /** Runs axe-core (from its WebJar) on the current page; returns the violations. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> axeViolations(ChromeDriver driver, String axeSource) {
        ((JavascriptExecutor) driver).executeScript(axeSource);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary).slice(0, 5) }))))
                   .catch(e => done([{ id: 'axe-error', help: String(e) }]));
                """);
        return (List<Map<String, Object>>) result;
    }
}
