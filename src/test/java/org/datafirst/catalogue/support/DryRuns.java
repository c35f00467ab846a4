package org.datafirst.catalogue.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.IntFunction;

/** Anonymous dry-run uploads of a workbook that is not one, until the rate limit answers. */
public final class DryRuns {

    public static final String UPLOAD = "/api/v1/datasets/probation/dictionary";

    private DryRuns() {}

    /**
     * Sends up to {@code attempts} dry runs, the i-th from {@code client.apply(i)}; each is either
     * refused by the limit (returned) or reaches the workbook check (422). Null if none was refused.
     */
    public static Response firstRefused(int attempts, IntFunction<RequestSpecification> client) {
        for (int i = 0; i < attempts; i++) {
            Response answer = client.apply(i)
                    .multiPart("file", "x.xlsx", new byte[10])
                    .queryParam("dryRun", "true")
                    .post(UPLOAD);
            if (answer.statusCode() == 429) {
                return answer;
            }
            assertThat(answer.statusCode()).as("the workbook's own problem").isEqualTo(422);
        }
        return null;
    }
}
