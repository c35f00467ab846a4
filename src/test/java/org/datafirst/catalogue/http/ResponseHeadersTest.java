package org.datafirst.catalogue.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;

/** Headers that keep browsers and caches safe: nosniff everywhere, a CSP on pages, private curator answers. */
@QuarkusTest
class ResponseHeadersTest {

    @Test
    void everyResponseForbidsContentSniffing() {
        for (String path : new String[] {
            "/api/v1/datasets",
            "/",
            "/catalog.ttl",
            "/q/health/live",
            "/static/app.css",
            "/api/v1/datasets/no-such-dataset"
        }) {
            given().get(path).then().header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void pagesHaveAContentSecurityPolicyThatForbidsInlineScriptsAndFraming() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<script type=\"module\" src=\"/assets/scripts/init.js\"></script>"))
                .body(org.hamcrest.Matchers.not(containsString("<script>")));
        given().get("/assets/scripts/init.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("initAll()"));
        given().get("/api/v1/datasets").then().header("Content-Security-Policy", nullValue());
    }

    @Test
    void answersToCuratorsAreNeverCachedAndVaryByAuthorization() {
        String curator = Tokens.curator("alice");
        given().header("Authorization", curator)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"))
                .header("Vary", containsString("Authorization"));
        given().header("Authorization", curator)
                .get("/api/v1/datasets/probation/releases?status=all")
                .then()
                .header("Cache-Control", equalTo("private, no-store"))
                .header("Vary", containsString("Authorization"));
        given().get("/api/v1/datasets/probation/releases")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-cache"));
    }
}
