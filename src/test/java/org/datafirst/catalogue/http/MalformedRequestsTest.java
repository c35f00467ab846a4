package org.datafirst.catalogue.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NUL bytes, broken forwarding headers and impossible dates are 400 problems naming the input, never 500. */
@QuarkusTest
class MalformedRequestsTest {

    /** Every GET of the served contract, with NUL in each path parameter and in each query parameter in turn. */
    @Test
    void aNulAnywhereInAnyReadIsA400NamingWhere() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> checked = new ArrayList<>();
        for (var path : paths.entrySet()) {
            Map<String, Object> get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "probation");
            if (path.getKey().contains("{")) {
                expect400(
                        path.getKey().replaceFirst("\\{[^}]+}", "pro%00bation").replaceAll("\\{[^}]+}", "probation"),
                        "path");
                checked.add(path.getKey());
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters =
                    (List<Map<String, Object>>) get.getOrDefault("parameters", List.of());
            for (Map<String, Object> parameter : parameters) {
                if ("query".equals(parameter.get("in"))) {
                    expect400(concrete + "?" + parameter.get("name") + "=a%00b", String.valueOf(parameter.get("name")));
                    checked.add(path.getKey() + "?" + parameter.get("name"));
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(9);
        expect400("/search?q=ethnic%00ity", "q");
        expect400("/datasets/probation%00", "path");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("/api/v1/changes?since=%2B999999999-12-31T23:59:59Z", Map.of(), "since"),
                Arguments.of("/api/v1/changes?since=-999999999-01-01T00:00:00Z", Map.of(), "since"),
                Arguments.of("/catalog.ttl?modified_since=%2B10000-01-01T00:00:00Z", Map.of(), "modified_since"),
                Arguments.of("/catalog.ttl", Map.of("X-Forwarded-Host", "exa mple.org"), "X-Forwarded-Host"),
                Arguments.of("/api/v1/datasets", Map.of("X-Forwarded-Host", "[::1"), "X-Forwarded-Host"),
                Arguments.of("/datasets/probation.ttl", Map.of("X-Forwarded-Host", "a/b"), "X-Forwarded-Host"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badInput")
    void isA400NamingTheInput(String path, Map<String, String> headers, String where) {
        Response response = given().urlEncodingEnabled(false).headers(headers).get(path);
        response.then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].location", equalTo(where));
    }

    /** Sent over a raw socket: HTTP clients refuse to send a broken escape. */
    @Test
    void aQueryThatDoesNotDecodeIsA400() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(("GET /api/v1/datasets?q=%zz%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    private static void expect400(String path, String where) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].location", equalTo(where));
    }
}
