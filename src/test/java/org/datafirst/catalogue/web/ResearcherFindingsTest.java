package org.datafirst.catalogue.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a researcher hit on the site (issue 15), each as it should be. */
@QuarkusTest
class ResearcherFindingsTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = {"date of birth", "date_of_birth", "DAGB", "synthetic", "deprivation"})
    void wordsOnDatasetPagesFindThem(String words) {
        given().queryParam("q", words)
                .get("/search")
                .then()
                .statusCode(200)
                .body(not(containsString("There are no matching results")))
                .body(containsString("id=\"result-count\""));
    }

    @Test
    void variableNamesAreFoundByTheirParts() {
        // yearofbirth_spr* runs its words together; full-text search alone cannot split it
        given().queryParam("q", "birth")
                .queryParam("kind", "variables")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("yearofbirth_spr*"));
        given().queryParam("q", "pupil matching")
                .queryParam("kind", "variables")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("pupilmatchingrefanonymous"));
    }

    @Test
    void snippetsShowTheWordsThatMatched() {
        // DAGB is in the approvals, not the description: the snippet must still show it
        given().queryParam("q", "DAGB")
                .queryParam("kind", "datasets")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("<mark>DAGB</mark>"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/nope",
                "/datasets",
                "/lookups",
                "/datasets/probation/tables/delius_flatfile",
                "/search?q=ethnic%00ity",
                "/datasets/probation?sort=%00",
                "/search?q=%ZZ",
                "/%ZZ",
            })
    void aBrowserGetsAGovukErrorPage(String path) throws IOException {
        String response = raw(path, BROWSER_ACCEPT);
        assertThat(statusOf(response)).as(path).isBetween(400, 499);
        assertThat(response)
                .as(path)
                .containsIgnoringCase("content-type: text/html")
                .contains("govuk-template", "<h1 class=\"govuk-heading-l\">");
    }

    @Test
    void anOverLongAddressGetsAnErrorPage() throws IOException {
        String response = raw("/search?q=" + "a".repeat(10_000), BROWSER_ACCEPT);
        assertThat(statusOf(response)).isEqualTo(414);
        assertThat(response).contains("The web address is too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nope", "/api/v1/datasets?q=%ZZ", "/api/v1/datasets?q=a%00b"})
    void theApiKeepsProblemJson(String path) throws IOException {
        String response = raw(path, BROWSER_ACCEPT);
        assertThat(statusOf(response)).as(path).isBetween(400, 499);
        assertThat(response).as(path).containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void clientsThatDoNotAskForHtmlKeepProblemJson() throws IOException {
        assertThat(raw("/nope", "*/*")).containsIgnoringCase("content-type: application/problem+json");
        assertThat(raw("/search?q=%ZZ", "application/json"))
                .containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void theYearErrorLinksToItsFieldAndKeepsWhatWasTyped() {
        given().queryParam("coverageTo", "20x5")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("<a href=\"#coverageTo\">Coverage to must be a year, like 2015</a>"))
                .body(containsString(
                        "id=\"coverageTo\" name=\"coverageTo\" type=\"text\" inputmode=\"numeric\" value=\"20x5\""));
    }

    @Test
    void aPagePastTheEndSaysSo() {
        given().queryParam("page", "99")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("There is no page 99"))
                .body(containsString("Go to the last page"));
    }

    @Test
    void englandIncludesEnglandAndWales() {
        given().queryParam("jurisdiction", "England")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/datasets/probation\""))
                .body(containsString("href=\"/datasets/moj-dfe-data-share\""));
    }

    @Test
    void facetsCountTheDatasetsTheyKeep() {
        // England keeps all nine datasets (eight of England and Wales, one of England); DfE approval one
        given().get("/search")
                .then()
                .statusCode(200)
                .body(containsString(">England <span class=\"govuk-hint govuk-!-display-inline\">(9<"))
                .body(containsString(">DfE <span class=\"govuk-hint govuk-!-display-inline\">(1<"));
    }

    /**
     * Each option's count is what choosing it (instead of its facet's other choices) finds, with the words and every
     * other filter applied: choosing SAIL Databank leaves no dataset needing DfE approval, so DfE counts 0, not 1.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "whereHeld=SAIL Databank",
                "q=offence",
                "q=defendant&approval=DAP",
                "approval=DAG&sourceSystem=nDelius",
                "jurisdiction=England&coverageTo=2012"
            })
    void facetCountsAreWhatChoosingTheOptionFinds(String chosen) {
        Map<String, List<String>> state = parameters(chosen);
        String page = searchPage(state);
        Matcher option = Pattern.compile("name=\"(\\w+)\" type=\"checkbox\" value=\"([^\"]*)\"[^>]*>\\s*<label[^>]*>"
                        + "[^<]*<span class=\"govuk-hint govuk-!-display-inline\">\\((\\d+)<")
                .matcher(page);
        int options = 0;
        while (option.find()) {
            options++;
            Map<String, List<String>> choosingIt = new LinkedHashMap<>(state);
            choosingIt.put(option.group(1), List.of(option.group(2)));
            choosingIt.put("kind", List.of("datasets"));
            assertThat(Integer.parseInt(option.group(3)))
                    .as("count of %s=%s with %s", option.group(1), option.group(2), chosen)
                    .isEqualTo(datasetsFound(searchPage(choosingIt)));
        }
        assertThat(options).as("facet options on the page").isGreaterThan(10);
    }

    @Test
    void facetCountsAreNarrowedByTheOtherFilters() {
        // Only the MoJ-DfE share needs DfE approval, and it is held in the ONS SRS alone
        String page = searchPage(parameters("whereHeld=SAIL Databank"));
        assertThat(page)
                .contains(">DfE <span class=\"govuk-hint govuk-!-display-inline\">(0<")
                .contains(">SAIL Databank <span class=\"govuk-hint govuk-!-display-inline\">(6<")
                .contains(">ONS SRS <span class=\"govuk-hint govuk-!-display-inline\">(9<");
    }

    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.computeIfAbsent(nameValue[0], k -> new ArrayList<>()).add(nameValue[1]);
        }
        return parameters;
    }

    private static String searchPage(Map<String, List<String>> parameters) {
        var request = given();
        parameters.forEach((name, values) -> request.queryParam(name, values));
        return request.get("/search").then().statusCode(200).extract().asString();
    }

    /** The datasets a search page found: its datasets group's total, or none on the "no results" page. */
    private static int datasetsFound(String page) {
        Matcher total = Pattern.compile(
                        "id=\"group-datasets\">Datasets <span class=\"govuk-caption-m govuk-!-display-inline\">\\((\\d+)\\)")
                .matcher(page);
        if (total.find()) {
            return Integer.parseInt(total.group(1));
        }
        assertThat(page).contains("There are no matching results");
        return 0;
    }

    @Test
    void aNewQueryKeepsTheChosenFilters() {
        given().queryParam("q", "court")
                .queryParam("approval", "DAP")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("<input type=\"hidden\" name=\"approval\" value=\"DAP\">"));
    }

    @Test
    void variableNamesBreakOnlyAfterUnderscores() {
        given().get("/datasets/probation")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString(">ethnicity_<wbr>desc</a>"));
    }

    /** A request written by hand, so addresses that java.net.URI refuses (%ZZ) can be sent. */
    private String raw(String path, String accept) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAccept: " + accept
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
