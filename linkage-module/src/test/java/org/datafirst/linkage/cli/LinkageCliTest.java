package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkageCliTest {

    static final String FAKE = "src/test/resources/splink/fake_200.csv";
    static final String LABELS = "src/test/resources/splink/fake_200_labels.csv";
    static final String SETTINGS = "src/main/resources/examples/fake_1000.json";

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        int code =
                LinkageCli.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpExplainsEveryCommandAndExitsZero() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "train",
                        "predict",
                        "cluster",
                        "run",
                        "evaluate",
                        "report",
                        "publish",
                        "generate",
                        "Exit codes");
        Result runHelp = run("run", "--help");
        assertThat(runHelp.code()).isZero();
        assertThat(runHelp.out())
                .contains("--settings", "--input", "--labels", "--memory-limit", "--threads", "--temp-dir", "--quiet");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("run", "--no-such-option").code()).isEqualTo(2);
        assertThat(run("run").err()).contains("Missing required");
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void badSettingsExitTwoNamingTheJsonPath(@TempDir Path dir) throws IOException {
        String bad = Files.readString(Path.of(SETTINGS))
                .replace("\"threshold\": 0.9,", "\"threshold\": 1.9,")
                .replaceFirst("\"threshold\": 0.9}", "\"threshold\": 1.9}");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, bad);
        Result r = run(
                "run", "-s", f.toString(), "-i", FAKE, "-o", dir.resolve("out").toString(), "-q");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("$.comparisons[0].levels[2].threshold: must be between 0 and 1");
    }

    @Test
    void badInputExitsThreeWithOneLine(@TempDir Path dir) throws IOException {
        Result missing =
                run("run", "-s", SETTINGS, "-i", dir.resolve("absent.csv").toString(), "-o", dir.toString(), "-q");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err().strip()).isEqualTo("error: " + dir.resolve("absent.csv") + ": file not found");
        Path dup = dir.resolve("dup.csv");
        Files.writeString(dup, "unique_id,first_name,surname,dob,city,email\n7,a,b,,,\n7,a,b,,,\n");
        Result r = run(
                "train",
                "-s",
                SETTINGS,
                "-i",
                dup.toString(),
                "-o",
                dir.resolve("m.json").toString(),
                "-q");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("dup.csv: row 2: unique id '7'");
    }

    @Test
    void runTrainsScoresClustersReportsAndEvaluatesAgainstLabels(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Result r = run(
                "run",
                "-s",
                SETTINGS,
                "-i",
                "fake_1000=" + FAKE,
                "--labels",
                LABELS,
                "-o",
                out.toString(),
                "-q",
                "--threads",
                "1",
                "--memory-limit",
                "512MB");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("quality report", "F1");
        for (String f : List.of(
                "model.json",
                "scored_pairs.parquet",
                "clusters.parquet",
                "linking_lookup.parquet",
                "quality-report.json")) {
            assertThat(out.resolve(f)).exists();
        }
        var report =
                new ObjectMapper().readTree(out.resolve("quality-report.json").toFile());
        assertThat(report.at("/evaluation/at_threshold/f1/value").asDouble()).isGreaterThan(0.7);
        assertThat(report.at("/provenance/settings_sha256").asText()).hasSize(64);

        // the separate steps, reusing the trained model
        Path model = out.resolve("model.json");
        Result p = run(
                "predict",
                "-m",
                model.toString(),
                "-i",
                "fake_1000=" + FAKE,
                "-o",
                dir.resolve("p").toString(),
                "-q",
                "--format",
                "CSV");
        assertThat(p.code()).as(p.err()).isZero();
        Result c = run(
                "cluster",
                "-m",
                model.toString(),
                "-i",
                "fake_1000=" + FAKE,
                "--pairs",
                dir.resolve("p/scored_pairs.csv").toString(),
                "-o",
                dir.resolve("c").toString(),
                "-q");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(dir.resolve("c/linking_lookup.parquet")).exists();
        Result e =
                run("evaluate", "-m", model.toString(), "-i", "fake_1000=" + FAKE, "--truth-column", "cluster", "-q");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("precision", "recall", "F1");
        Result rep = run(
                "report",
                "-m",
                model.toString(),
                "-i",
                "fake_1000=" + FAKE,
                "-o",
                dir.resolve("r.json").toString(),
                "-q");
        assertThat(rep.code()).as(rep.err()).isZero();
        assertThat(run("evaluate", "-m", model.toString(), "-i", FAKE, "-q").code())
                .isEqualTo(2);
    }

    @Test
    void publishPostsTheReportWithBearerTokenAndFailsWithFour(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "{\"format\": \"datafirst-linkage-quality-report/1\", \"overall\": {}}");
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret\n");
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/datasets/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(ex.getRequestMethod() + " " + ex.getRequestURI() + " "
                    + ex.getRequestHeaders().getFirst("Authorization") + " "
                    + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
            int status = ex.getRequestURI().getPath().contains("/broken/") ? 500 : 201;
            byte[] resp = (status == 201 ? "{}" : "{\"title\":\"boom\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, resp.length);
            ex.getResponseBody().write(resp);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Result ok = run(
                    "publish",
                    "-r",
                    report.toString(),
                    "--catalogue",
                    base + "/",
                    "--dataset-id",
                    "magistrates-court",
                    "--token-file",
                    token.toString());
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(seen.get())
                    .isEqualTo("POST /api/v1/datasets/magistrates-court/linkage-quality Bearer s3cret application/json "
                            + Files.readString(report));
            Result failed = run(
                    "publish",
                    "-r",
                    report.toString(),
                    "--catalogue",
                    base,
                    "--dataset-id",
                    "broken",
                    "--token-file",
                    token.toString());
            assertThat(failed.code()).isEqualTo(4);
            assertThat(failed.err()).contains("HTTP 500").contains("boom");
        } finally {
            server.stop(0);
        }
        Result unreachable = run(
                "publish",
                "-r",
                report.toString(),
                "--catalogue",
                "http://127.0.0.1:1",
                "--dataset-id",
                "x",
                "--token-file",
                token.toString(),
                "--timeout",
                "2");
        assertThat(unreachable.code()).isEqualTo(4);
        Result noToken = run(
                "publish",
                "-r",
                report.toString(),
                "--catalogue",
                "http://127.0.0.1:1",
                "--dataset-id",
                "x",
                "--token-env",
                "SURELY_NOT_SET_LINKAGE_TOKEN");
        assertThat(noToken.code()).isEqualTo(2);
        Result badId = run(
                "publish",
                "-r",
                report.toString(),
                "--catalogue",
                "http://127.0.0.1:1",
                "--dataset-id",
                "../x",
                "--token-file",
                token.toString());
        assertThat(badId.code()).isEqualTo(2);
    }

    @Test
    void generateWritesReproducibleRecords(@TempDir Path dir) throws IOException {
        assertThat(run(
                                "generate",
                                "-n",
                                "2000",
                                "--seed",
                                "5",
                                "-o",
                                dir.resolve("a.csv").toString())
                        .code())
                .isZero();
        assertThat(run(
                                "generate",
                                "-n",
                                "2000",
                                "--seed",
                                "5",
                                "-o",
                                dir.resolve("b.csv").toString())
                        .code())
                .isZero();
        assertThat(run(
                                "generate",
                                "-n",
                                "2000",
                                "--seed",
                                "6",
                                "-o",
                                dir.resolve("c.csv").toString())
                        .code())
                .isZero();
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
        assertThat(Files.readString(dir.resolve("a.csv"))).isNotEqualTo(Files.readString(dir.resolve("c.csv")));
        assertThat(Files.readAllLines(dir.resolve("a.csv"))).hasSize(2001);
    }
}
