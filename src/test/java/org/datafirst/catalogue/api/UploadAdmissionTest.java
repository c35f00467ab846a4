package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.datafirst.catalogue.support.DryRuns;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Uploads are admitted before their body is read: an import without a curator token hears 401
 * at once, and anonymous dry runs are limited per address and in how many read at once (429).
 */
@QuarkusTest
@TestProfile(UploadAdmissionTest.FewDryRuns.class)
class UploadAdmissionTest {

    public static class FewDryRuns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "catalogue.spreadsheets.dry-runs.per-minute",
                    "3",
                    "catalogue.spreadsheets.dry-runs.concurrent",
                    "1");
        }
    }

    static final String UPLOAD = DryRuns.UPLOAD;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DryRunLimiter limiter;

    @Test
    void anImportWithoutATokenIsRefusedBeforeItsBodyIsSent() throws IOException {
        // Given a request announcing 5 MB of body, of which only the headers are sent
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Then the answer comes without waiting for the body (a timeout here fails the test)
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!answer.toString().contains("unauthorized")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            assertThat(answer.toString())
                    .startsWith("HTTP/1.1 401")
                    .contains("application/problem+json")
                    .contains("/problems/unauthorized");
        }
    }

    @Test
    void aReaderTokenIsForbiddenAndACuratorTokenIsAdmitted() {
        given().header("Authorization", Tokens.reader("bob"))
                .multiPart("file", "x.xlsx", new byte[10])
                .post(UPLOAD)
                .then()
                .statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
        // A curator passes admission; the missing If-Match and bad file are the resource's to answer
        given().header("Authorization", Tokens.curator("carol"))
                .multiPart("file", "x.xlsx", new byte[10])
                .post(UPLOAD)
                .then()
                .statusCode(422)
                .body("errors[0].location", equalTo("x.xlsx"));
    }

    @Test
    void whileTheReadersAreBusyADryRunIsRefusedNotQueued() {
        // A curator's dry run: not rate-limited, so whatever other tests spent, only the readers decide
        try (DryRunLimiter.Permit busy = limiter.enter()) {
            given().header("Authorization", Tokens.curator("carol"))
                    .multiPart("file", "x.xlsx", new byte[10])
                    .queryParam("dryRun", "true")
                    .post(UPLOAD)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/too-many-requests"))
                    .body("detail", containsString("as many workbooks as it can"))
                    .header("Retry-After", equalTo("1"));
        }
    }

    @Test
    void anAddressOverItsDryRunsPerMinuteHears429WithRetryAfter() {
        Response refused = DryRuns.firstRefused(5, i -> given());
        assertThat(refused).as("a 429 within 5 dry runs at 3 a minute").isNotNull();
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.asString()).contains("/problems/too-many-requests").contains("3 dry runs a minute");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        // A curator's dry run is not limited
        given().header("Authorization", Tokens.curator("carol"))
                .multiPart("file", "x.xlsx", new byte[10])
                .queryParam("dryRun", "true")
                .post(UPLOAD)
                .then()
                .statusCode(422);
    }
}
