package org.datafirst.catalogue.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pages as HTML over HTTP: status, content type, content, escaping and assets. */
@QuarkusTest
class WebsiteTest {

    @jakarta.inject.Inject
    PageCache pageCache;

    @Test
    void everyPageIsHtmlWithItsHeading() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<h1 class=\"govuk-heading-xl\">Find Ministry of Justice Data First data</h1>"))
                .body(containsString("href=\"#main-content\" class=\"govuk-skip-link\""));
        given().get("/datasets/offender-assessment-oasys")
                .then()
                .statusCode(200)
                .body(containsString("Linkable to other datasets only until 31 March 2023"))
                .body(
                        containsString(
                                "<link rel=\"alternate\" type=\"text/turtle\" href=\"/datasets/offender-assessment-oasys.ttl\">"));
        given().get("/lookups/gender").then().statusCode(200).body(containsString("Where this code list is used"));
        given().get("/coverage").then().statusCode(200).body(containsString("role=\"img\""));
    }

    @Test
    void searchGroupsResultsByKindWithHighlights() {
        given().queryParam("q", "Nottinghamshire")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("id=\"group-codes\""))
                .body(containsString("<mark>Nottinghamshire</mark>"));
        given().queryParam("q", "offence")
                .queryParam("kind", "variables")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("id=\"group-variables\""))
                .body(not(containsString("id=\"group-datasets\"")));
    }

    @Test
    void searchWordsAreEscaped() {
        given().queryParam("q", "<script>alert(1)</script>")
                .get("/search")
                .then()
                .statusCode(200)
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void aBadYearIsReportedOnThePage() {
        given().queryParam("coverageFrom", "20x5")
                .get("/search")
                .then()
                .statusCode(200)
                .body(containsString("<title>Error: "))
                .body(containsString("Coverage from must be a year, like 2015"));
    }

    @Test
    void unknownThingsGetTheNotFoundPage() {
        given().get("/datasets/no-such-dataset")
                .then()
                .statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("Page not found"));
        given().get("/datasets/probation/tables/delius_flatfile/variables/nope")
                .then()
                .statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void govukFrontendFilesAreServed() {
        given().get(Pages.GOVUK_BASE + "/govuk-frontend.min.css").then().statusCode(200);
        given().get(Pages.GOVUK_BASE + "/govuk-frontend.min.js").then().statusCode(200);
        given().get("/assets/fonts/bold-b542beb274-v2.woff2")
                .then()
                .statusCode(200)
                .contentType("font/woff2");
        given().get("/assets/fonts/..%2F..%2Fgovuk-frontend.min.css").then().statusCode(404);
    }

    @Test
    void unknownQueryParametersShareOnePageInTheCache() {
        given().get("/datasets/probation?x=1").then().statusCode(200);
        long held = pageCache.bytes();
        for (int i = 2; i < 20; i++) {
            given().get("/datasets/probation?x=" + i).then().statusCode(200);
            given().get("/search?q=court&x=" + i + "&kind=&page=1").then().statusCode(200);
        }
        given().get("/search?q=court").then().statusCode(200);
        long afterVariants = pageCache.bytes();
        given().get("/search?page=1&q=court&unused=" + "y".repeat(100)).then().statusCode(200);
        assertThat(pageCache.bytes())
                .as("one entry for the dataset page, one for the search")
                .isEqualTo(afterVariants);
        assertThat(afterVariants).isGreaterThan(held);
    }
}
