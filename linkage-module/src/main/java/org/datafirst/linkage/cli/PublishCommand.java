package org.datafirst.linkage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.io.ReportPublisher;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.quality.QualityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Send a quality report to the catalogue service:",
            "  POST {catalogue}/api/v1/datasets/{datasetId}/linkage-quality",
            "  Authorization: Bearer <token>, Content-Type: application/json.",
            "The token is read from the environment variable named by --token-env or from --token-file (never from the command line)."
        })
final class PublishCommand implements Callable<Integer> {

    @Option(
            names = {"-r", "--report"},
            required = true,
            paramLabel = "FILE",
            description = "quality-report.json from 'run' or 'report'.")
    Path report;

    @Option(
            names = "--catalogue",
            required = true,
            paramLabel = "URL",
            description = "Base URL of the catalogue service, e.g. https://catalogue.example.org.")
    String catalogue;

    @Option(
            names = "--dataset-id",
            required = true,
            paramLabel = "ID",
            description = "Catalogue dataset id the report belongs to.")
    String datasetId;

    @Option(
            names = "--token-env",
            defaultValue = "LINKAGE_CATALOGUE_TOKEN",
            paramLabel = "NAME",
            description = "Environment variable holding the bearer token (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token (first line).")
    Path tokenFile;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "Connect and request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--synthetic-records",
            description = "The report was made from synthetic records: marks provenance.synthetic_records, so the"
                    + " catalogue's pages say its figures are not real ones.")
    boolean syntheticRecords;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(report)) {
            throw new InputDataException(report + ": file not found");
        }
        String json = Files.readString(report);
        var node = ModelJson.MAPPER.readTree(json);
        if (!QualityReport.FORMAT.equals(node.path("format").asText())) {
            throw new InputDataException(
                    report + ": not a linkage-quality report (format must be " + QualityReport.FORMAT + ")");
        }
        if (syntheticRecords) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.path("provenance")).put("synthetic_records", true);
            json = node.toString();
        }
        String token = tokenFile != null
                ? Files.readAllLines(tokenFile).stream().findFirst().orElse("").trim()
                : System.getenv(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token: set " + tokenEnv + " or give --token-file");
        }
        var uri = ReportPublisher.endpoint(catalogue, datasetId);
        int status = new ReportPublisher(Duration.ofSeconds(timeoutSeconds)).publish(uri, token, json);
        spec.commandLine().getOut().printf("published to %s (HTTP %d)%n", uri, status);
        return LinkageCli.OK;
    }
}
