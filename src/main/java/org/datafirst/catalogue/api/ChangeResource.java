package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.problem.BadParameterException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "The change feed for pipelines.")
public class ChangeResource {

    @Inject
    CatalogueService catalogue;

    @Inject
    CatalogueConfig config;

    @GET
    @Operation(
            operationId = "listChanges",
            summary = "Release publications since a point",
            description = "Every release publication after since=, oldest first: a cursor from a previous answer "
                    + "(nextCursor), or a timestamp (ISO 8601 date or date-time). Without since=, from the beginning. "
                    + "Drafts never appear; a draft appears when it is published.")
    @APIResponse(responseCode = "200", description = "The publications.")
    @APIResponse(responseCode = "400", description = "since or limit is invalid.")
    public ChangeFeed changes(
            @Parameter(
                            description =
                                    "A cursor (nextCursor of an earlier answer) or an ISO 8601 date or date-time.",
                            example = "2025-05-30T00:00:00Z")
                    @QueryParam("since")
                    String since,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100"),
                            description = "Most entries to return, 1 to 100.",
                            example = "100")
                    @QueryParam("limit")
                    String limit) {
        int max = QueryParameters.integer("limit", limit).orElse(config.api().maxPageSize());
        if (max < 1 || max > config.api().maxPageSize()) {
            throw new BadParameterException(
                    "limit", "must be between 1 and " + config.api().maxPageSize());
        }
        CatalogueService.Changes changes = catalogue.changes(since, max);
        List<ChangeEntry> entries = changes.publications().stream()
                .map(p -> new ChangeEntry(
                        String.valueOf(p.seq),
                        p.datasetId,
                        p.version,
                        p.publishedAt,
                        Routes.RELATIVE.releaseJson(p.datasetId, p.version)))
                .toList();
        return new ChangeFeed(entries, changes.nextCursor(), changes.more());
    }
}
