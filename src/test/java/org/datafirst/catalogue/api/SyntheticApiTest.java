package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Synthetic data over HTTP: the downloads, where they are listed, and bad requests. */
@QuarkusTest
class SyntheticApiTest {

    private static final String FLATFILE = "/api/v1/datasets/probation/synthetic/delius_flatfile";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTableComesAsCsvWithTheRowsAskedForAndTheSameBytesForTheSameSeed() {
        byte[] first = given().get(FLATFILE + ".csv?rows=100&seed=5")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", containsString("-delius_flatfile.csv"))
                .header("Content-Disposition", containsString("synthetic-seed-5-rows-100"))
                .extract()
                .asByteArray();
        String csv = new String(first, StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(101);
        assertThat(csv).startsWith("estimated_offender_id,");
        assertThat(given().get(FLATFILE + ".csv?rows=100&seed=5").asByteArray()).isEqualTo(first);
        assertThat(given().get(FLATFILE + ".csv?rows=100&seed=6").asByteArray()).isNotEqualTo(first);
    }

    @Test
    void aTableComesAsParquetAndADatasetAsAZipWithAReadme() throws IOException {
        byte[] parquet = given().get(FLATFILE + ".parquet?rows=50")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("application/vnd.apache.parquet"))
                .extract()
                .asByteArray();
        assertThat(new String(parquet, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(parquet, parquet.length - 4, 4, StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");

        byte[] zip = given().get("/api/v1/datasets/probation/releases/1/synthetic.zip?rows=20")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("application/zip"))
                .header("Content-Disposition", containsString("probation-release-1-synthetic"))
                .extract()
                .asByteArray();
        List<String> names = new ArrayList<>();
        String readme = "";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().equals("README.txt")) {
                    readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains("README.txt", "delius_flatfile.csv", "delius_flatfile.parquet");
        assertThat(readme).contains("release 1", "Low-fidelity", "20 rows per table");
    }

    @Test
    void theDownloadsAreListedInTheDatasetJsonTheDcatAndTheGatewayDocument() {
        given().get("/api/v1/datasets/probation")
                .then()
                .statusCode(200)
                .body("downloads.href", hasItem("/api/v1/datasets/probation/synthetic.zip"))
                .body("downloads.href", hasItem(FLATFILE + ".parquet"))
                .body("downloads.find { it.format == 'zip' }.synthetic", equalTo(true));
        given().get("/datasets/probation.nt")
                .then()
                .statusCode(200)
                .body(containsString("<http://www.w3.org/ns/adms#sample>"))
                .body(containsString("/api/v1/datasets/probation/synthetic.zip"));
        given().get("/api/v1/gmi/datasets/probation")
                .then()
                .statusCode(200)
                .body("structuralMetadata.syntheticDataWebLink[0]", containsString("/probation/synthetic.zip"));
    }

    @Test
    void theDatasetPageOffersItUnderPrepareYourCode() {
        given().accept("text/html")
                .get("/datasets/probation")
                .then()
                .statusCode(200)
                .body(containsString("id=\"prepare-code\""))
                .body(containsString("Low-fidelity synthetic data"))
                .body(containsString("href=\"/api/v1/datasets/probation/synthetic.zip\""));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/datasets/probation/synthetic/delius_flatfile.csv?rows=abc, 400, /problems/bad-parameter, 'rows'",
        "/api/v1/datasets/probation/synthetic/delius_flatfile.csv?rows=0, 400, /problems/bad-parameter, 'rows'",
        "/api/v1/datasets/probation/synthetic.zip?rows=100001, 400, /problems/bad-parameter, 'rows'",
        "/api/v1/datasets/probation/synthetic/delius_flatfile.parquet?seed=x, 400, /problems/bad-parameter, 'seed'",
        "/api/v1/datasets/probation/synthetic/no_such_table.csv, 404, /problems/not-found, no_such_table",
        "/api/v1/datasets/probation/synthetic/delius_psr.csv, 404, /problems/not-found, no published variables",
        "/api/v1/datasets/probation/releases/99/synthetic.zip, 404, /problems/not-found, 99",
        "/api/v1/datasets/no-such-dataset/synthetic.zip, 404, /problems/not-found, no-such-dataset"
    })
    void badRequestsGetAProblemNamingWhatIsWrong(String url, int status, String type, String named) {
        given().get(url)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("detail", containsString(named));
    }

    @Test
    void headRequestsDoNotUseUpThePlacesForGenerating() {
        for (int i = 0; i < 4; i++) {
            given().head(FLATFILE + ".csv?rows=10").then().statusCode(200);
        }
        given().get(FLATFILE + ".csv?rows=10").then().statusCode(200);
    }

    @Test
    void whenEveryPlaceIsTakenARequestHears429AndAnAbandonedDownloadGivesItsPlaceBack() throws Exception {
        // Given two clients (catalogue.synthetic.concurrent) that start a large download (tens of MB, more than
        // the sockets buffer) and stop reading
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(30_000);
                socket.getOutputStream()
                        .write(("GET " + FLATFILE + ".csv?rows=100000 HTTP/1.1\r\n" + "Host: localhost\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                byte[] statusLine = new byte[12];
                assertThat(socket.getInputStream().readNBytes(statusLine, 0, 12))
                        .isEqualTo(12);
                assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                stalled.add(socket);
            }
            // Then a third is refused at once, not queued
            given().get(FLATFILE + ".csv?rows=10")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/too-many-requests"))
                    .header("Retry-After", equalTo("1"));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        // And once they hang up, the places come back
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status;
        do {
            Thread.sleep(200);
            status = given().get(FLATFILE + ".csv?rows=10").statusCode();
        } while (status == 429 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }
}
