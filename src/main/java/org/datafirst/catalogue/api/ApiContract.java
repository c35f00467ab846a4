package org.datafirst.catalogue.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.datafirst.catalogue.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of the OpenAPI document shares, declared once (the conventions are in
 * ARCHITECTURE.md). Operations state only which 4xx/5xx statuses they can answer and what each means;
 * this filter gives every such response its body ({@code application/problem+json}, the {@link Problem}
 * schema), gives every operation that takes a curator's token its 401 and 403 unless it says more about
 * them, marks every operation that declares no security as public ({@code security: []}), and names the
 * server. Registered with {@code mp.openapi.filter} in application.properties.
 */
public class ApiContract implements OASFilter {

    static final Map<String, String> CURATOR_RESPONSES = Map.of(
            "401", "No valid bearer token.",
            "403", "The token lacks the curator role.");

    static final String LOCAL_SERVER = "http://localhost:8080";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer()
                .url(LOCAL_SERVER)
                .description("The service as ./run.sh starts it. Clients take the real address as a setting "
                        + "(every path starts with /api/v1, /catalog or /datasets)."))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(ApiContract::declare));
    }

    private static void declare(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (takesBearer(operation)) {
            CURATOR_RESPONSES.keySet().stream()
                    .sorted()
                    .filter(code -> !responses.hasAPIResponse(code))
                    .forEach(code -> responses.addAPIResponse(
                            code, OASFactory.createAPIResponse().description(CURATOR_RESPONSES.get(code))));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && response.getContent() == null) {
                response.setContent(problem());
            }
            if (response.getHeaders() != null) {
                // ETag, Retry-After, Location: plain header values.
                response.getHeaders().values().stream()
                        .filter(header -> header.getSchema() == null && header.getRef() == null)
                        .forEach(header -> header.setSchema(OASFactory.createSchema()
                                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
            }
        });
        // In status order, however the statuses were declared or added.
        Map<String, APIResponse> ordered = new LinkedHashMap<>(new TreeMap<>(responses.getAPIResponses()));
        responses.setAPIResponses(ordered);
    }

    private static boolean takesBearer(Operation operation) {
        return operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme(DatasetResource.BEARER));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
