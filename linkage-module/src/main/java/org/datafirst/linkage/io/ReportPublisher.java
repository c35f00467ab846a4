package org.datafirst.linkage.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a quality report to the catalogue service:
 * {@code POST {catalogue}/api/v1/datasets/{datasetId}/linkage-quality} with
 * {@code Authorization: Bearer <token>} and {@code Content-Type: application/json}. Any 2xx is
 * success; anything else (or no answer) is a {@link PublishException} carrying the status and the
 * start of the response body.
 */
public final class ReportPublisher {

    private final HttpClient client;
    private final Duration timeout;

    public ReportPublisher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static URI endpoint(String catalogue, String datasetId) {
        if (!datasetId.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("dataset id may only contain letters, digits and . _ ~ -");
        }
        String base = catalogue.endsWith("/") ? catalogue.substring(0, catalogue.length() - 1) : catalogue;
        URI uri = URI.create(base + "/api/v1/datasets/" + datasetId + "/linkage-quality");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("catalogue URL must be http or https");
        }
        return uri;
    }

    /** Posts the report; returns the HTTP status (2xx). */
    public int publish(URI endpoint, String token, String reportJson) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(reportJson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PublishException("could not reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing to " + endpoint, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
            throw new PublishException(
                    "catalogue answered HTTP " + status + " for POST " + endpoint
                            + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(300, body.length()))),
                    null);
        }
        return status;
    }

    /** Publishing failed. */
    public static class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
