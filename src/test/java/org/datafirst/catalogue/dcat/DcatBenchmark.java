package org.datafirst.catalogue.dcat;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.datafirst.catalogue.sources.SourceLoader;
import org.datafirst.catalogue.support.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the full catalogue in Turtle and JSON-LD, warm: first the real catalogue, then with 100
 * generated datasets of 100 variables each added to the store. "built" = store → graph →
 * serialisation (no cache); "served" = GET /catalog.* over HTTP (what harvesters see; cached
 * while nothing is released). Runs only with -Dbench=true: bench/dcat.sh.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DcatBenchmark {

    private static final int WARM_UP = 15;
    private static final int RUNS = 30;

    @Inject
    DcatService dcat;

    @Inject
    SourceLoader loader;

    @TempDir
    Path root;

    @Test
    void fullCatalogue() {
        report("real catalogue");
        for (int d = 0; d < 100; d++) {
            SourceFiles.write(root, "datasets/bench-" + d + ".yaml", generated("bench-" + d, 5, 20));
        }
        long start = System.nanoTime();
        loader.load(root);
        System.out.printf(
                "BENCH loaded 100 generated datasets x 100 variables in %.1f s%n", (System.nanoTime() - start) / 1e9);
        report("real + 100 generated datasets x 100 variables");
    }

    private void report(String what) {
        System.out.printf(
                "BENCH machine: %d cores, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        CatalogRequest request = new CatalogRequest(
                URI.create("http://localhost/catalog"), "http://localhost", Optional.empty(), 1, 1000);
        Model model = dcat.catalogModel(request);
        System.out.printf(
                "BENCH %s: %d datasets, %d triples%n",
                what,
                model.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, Vocab.Dcat.Dataset)
                        .toList()
                        .size(),
                model.size());
        for (RdfFormat format : new RdfFormat[] {RdfFormat.TURTLE, RdfFormat.JSON_LD}) {
            double built = median(() -> DcatService.serialise(dcat.catalogModel(request), format));
            double graphOnly = median(() -> dcat.catalogModel(request));
            String path = "/catalog." + format.extension() + "?size=1000";
            double served = median(() -> fetch(path));
            int bytes = given().get(path).then().extract().asByteArray().length;
            System.out.printf(
                    "BENCH %s, %s (%d kB): built %.1f ms (graph %.1f ms), served %.1f ms (median of %d, warm)%n",
                    what, format.label(), bytes / 1024, built, graphOnly, served, RUNS);
        }
    }

    /** A plain HTTP GET (no test-client overhead), as a harvester makes it. */
    private static void fetch(String path) {
        try {
            java.net.http.HttpResponse<byte[]> response = CLIENT.send(
                    java.net.http.HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    private static double median(Runnable action) {
        for (int i = 0; i < WARM_UP; i++) {
            action.run();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    /** A valid dataset file with the given number of tables and variables per table, one coded variable per table. */
    static String generated(String id, int tables, int variables) {
        StringBuilder yaml = new StringBuilder(SourceFiles.dataset(id).split("tables:\n")[0]).append("tables:\n");
        for (int t = 0; t < tables; t++) {
            yaml.append("  - name: table_")
                    .append(t)
                    .append("\n    grain: one row per thing ")
                    .append(t)
                    .append("\n    source: guide\n    variables:\n");
            for (int v = 0; v < variables; v++) {
                yaml.append("      - {name: var_")
                        .append(t)
                        .append('_')
                        .append(v)
                        .append(", type: string, source: guide, confidence: high, label: Variable ")
                        .append(v)
                        .append(", description: Generated variable ")
                        .append(v)
                        .append(" of table ")
                        .append(t)
                        .append(v == 0 ? ", lookup: test-sex}" : "}")
                        .append('\n');
            }
        }
        return yaml.append(SourceFiles.dataset(id)
                        .substring(SourceFiles.dataset(id).indexOf("lookups:")))
                .toString();
    }
}
