package org.datafirst.catalogue.api;

import java.util.LinkedHashMap;
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
 * The problem responses of the OpenAPI document, declared once. Operations state only which
 * 4xx/5xx statuses they can answer and what each means; this filter gives every such response its
 * body ({@code application/problem+json}, the {@link Problem} schema), and gives every operation
 * that needs a curator's token its 401 and 403 unless the operation says more about them.
 * Registered with {@code mp.openapi.filter} in application.properties.
 */
public class ProblemResponses implements OASFilter {

    static final Map<String, String> CURATOR_RESPONSES = Map.of(
            "401", "No valid bearer token.",
            "403", "The token lacks the curator role.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(path -> path.getOperations().values().forEach(ProblemResponses::declare));
    }

    private static void declare(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
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
        });
        // In status order, however the statuses were declared or added.
        Map<String, APIResponse> ordered = new LinkedHashMap<>(new TreeMap<>(responses.getAPIResponses()));
        responses.setAPIResponses(ordered);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
