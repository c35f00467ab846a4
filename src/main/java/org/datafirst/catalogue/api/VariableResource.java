package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.SearchResult;
import org.datafirst.catalogue.catalogue.VariableMatch;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.http.PageRequest;
import org.datafirst.catalogue.http.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/variables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Variables", description = "Search variables across every dataset.")
public class VariableResource {

    @Inject
    CatalogueService catalogue;

    @Inject
    CatalogueConfig config;

    @GET
    @Operation(
            operationId = "searchVariables",
            summary = "Search variables across all datasets",
            description = "Variables of every dataset's current release whose name, label or description match q, "
                    + "or whose lookup has a code label matching q (those codes are returned), ranked by relevance. "
                    + "Without q, every variable in dataset and table order.")
    @APIResponse(responseCode = "200", description = "A page of variables.")
    @APIResponse(responseCode = "400", description = "A parameter has an invalid value; the problem names it.")
    public VariablePage search(
            @Parameter(description = "Full-text query (web-search syntax).", example = "ethnicity") @QueryParam("q")
                    String q,
            @Parameter(
                            description = "Only variables of these datasets (repeat or comma-separate).",
                            example = "[\"probation\"]")
                    @QueryParam("dataset")
                    List<String> dataset,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "Page number, from 1.",
                            example = "1")
                    @QueryParam("page")
                    String page,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100"),
                            description = "Page size, 1 to 100.",
                            example = "20")
                    @QueryParam("size")
                    String size) {
        PageRequest request = QueryParameters.page(page, size, config.api());
        SearchResult<VariableMatch> result = catalogue.searchVariables(
                QueryParameters.text("q", q),
                Optional.of(QueryParameters.values(dataset)).filter(ids -> !ids.isEmpty()),
                request);
        return new VariablePage(
                result.hits().stream()
                        .map(h -> ApiMapper.hit(h.item(), h.score()))
                        .toList(),
                request.page(),
                request.size(),
                result.total(),
                request.totalPages(result.total()));
    }
}
