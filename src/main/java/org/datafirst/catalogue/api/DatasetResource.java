package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueQueries;
import org.datafirst.catalogue.catalogue.DataTable;
import org.datafirst.catalogue.catalogue.DatasetQuery;
import org.datafirst.catalogue.catalogue.LookupUse;
import org.datafirst.catalogue.catalogue.PageRequest;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.SearchResult;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Datasets, their releases, tables and variables.")
public class DatasetResource {

    @Inject
    CatalogueQueries catalogue;

    @Inject
    CatalogueConfig config;

    @Inject
    ReleaseRepresentations representations;

    @GET
    @Operation(summary = "List and search datasets",
            description = "Datasets of the catalogue, a page at a time with the total count. With q, a full-text search "
                    + "over titles, descriptions, tables, variables and code labels, ranked by relevance. Filters of "
                    + "different kinds all apply; several values of one filter (repeated or comma-separated) are alternatives.")
    @APIResponse(responseCode = "200", description = "A page of datasets.")
    @APIResponse(responseCode = "400", description = "A parameter has an invalid value; the problem names it.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public DatasetPage list(
            @Parameter(description = "Full-text query (web-search syntax: words, \"phrases\", OR, -exclusions).", example = "ethnicity")
            @QueryParam("q") String q,
            @Parameter(description = "Jurisdiction.", example = "England and Wales") @QueryParam("jurisdiction") List<String> jurisdiction,
            @Parameter(description = "Secure environment holding the data.", example = "SAIL Databank") @QueryParam("whereHeld") List<String> whereHeld,
            @Parameter(description = "Approval body: DAP, DAG, DAGB or DfE.", example = "DAP") @QueryParam("approval") List<String> approval,
            @Parameter(description = "Source system.", example = "Libra") @QueryParam("sourceSystem") List<String> sourceSystem,
            @Parameter(description = "Keep datasets covering any part of the years from this one.", example = "2015") @QueryParam("coverageFrom") String coverageFrom,
            @Parameter(description = "Keep datasets covering any part of the years up to this one.", example = "2020") @QueryParam("coverageTo") String coverageTo,
            @Parameter(description = "Page number, from 1.", example = "1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20") @QueryParam("size") String size) {
        DatasetQuery query = new DatasetQuery(QueryParameters.text("q", q), QueryParameters.values(jurisdiction),
                QueryParameters.values(whereHeld), QueryParameters.values(approval), QueryParameters.values(sourceSystem),
                QueryParameters.year("coverageFrom", coverageFrom), QueryParameters.year("coverageTo", coverageTo));
        PageRequest request = QueryParameters.page(page, size, config.api());
        SearchResult<Release> result = catalogue.searchDatasets(query, request);
        return new DatasetPage(result.hits().stream().map(h -> ApiMapper.summary(h.item(), h.score())).toList(),
                request.page(), request.size(), result.total(), request.totalPages(result.total()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a dataset", description = "The current release of a dataset: its metadata, coverage, "
            + "approvals, where it is held, how to get access, and its tables with their grain.")
    @APIResponse(responseCode = "200", description = "The dataset.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetDetail.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public Response get(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        long releaseId = catalogue.currentReleaseId(id);
        return ok(representations.json("dataset", releaseId, () -> {
            Release release = catalogue.release(releaseId);
            return ApiMapper.detail(release, catalogue.tables(release));
        }));
    }

    private static Response ok(byte[] json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}/releases")
    @Operation(summary = "List a dataset's releases", description = "Every release of the dataset, newest first.")
    @APIResponse(responseCode = "200", description = "The releases.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public List<ReleaseSummary> releases(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        return catalogue.releases(id).stream().map(ApiMapper::release).toList();
    }

    @GET
    @Path("/{id}/releases/{version}")
    @Operation(summary = "Get one release of a dataset", description = "A release exactly as it was published; "
            + "releases never change.")
    @APIResponse(responseCode = "200", description = "The dataset as of that release.")
    @APIResponse(responseCode = "404", description = "No such dataset or release.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public DatasetDetail release(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Release number.", example = "1") @PathParam("version") String version) {
        int number = QueryParameters.integer("version", version).orElseThrow();
        Release release = catalogue.release(id, number);
        return ApiMapper.detail(release, catalogue.tables(release));
    }

    @GET
    @Path("/{id}/tables")
    @Operation(summary = "List a dataset's tables", description = "The tables of the dataset's current release, in "
            + "order, with their grain and number of variables.")
    @APIResponse(responseCode = "200", description = "The tables.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TableSummary.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public Response tables(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        long releaseId = catalogue.currentReleaseId(id);
        return ok(representations.json("tables", releaseId,
                () -> ApiMapper.tables(id, catalogue.tables(catalogue.release(releaseId)))));
    }

    @GET
    @Path("/{id}/tables/{table}")
    @Operation(summary = "Get a table with its variables", description = "One table of the dataset's current release "
            + "with its variables in order.")
    @APIResponse(responseCode = "200", description = "The table.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TableDetail.class)))
    @APIResponse(responseCode = "404", description = "No such dataset or table.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public Response table(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Table name.", example = "delius_flatfile") @PathParam("table") String table) {
        long releaseId = catalogue.currentReleaseId(id);
        return ok(representations.json("table:" + table, releaseId, () -> {
            Release release = catalogue.release(releaseId);
            return ApiMapper.table(release, catalogue.table(release, table));
        }));
    }

    @GET
    @Path("/{id}/tables/{table}/variables/{variable}")
    @Operation(summary = "Get a variable", description = "One variable with its type, format, quality notes, "
            + "provenance and, when coded, its lookup with every code.")
    @APIResponse(responseCode = "200", description = "The variable.")
    @APIResponse(responseCode = "404", description = "No such dataset, table or variable.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.datafirst.catalogue.problem.Problem.class)))
    public VariableDetail variable(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Table name.", example = "delius_flatfile") @PathParam("table") String table,
            @Parameter(description = "Variable name.", example = "ethnicity_desc") @PathParam("variable") String variable) {
        Release release = catalogue.currentRelease(id);
        DataTable dataTable = catalogue.table(release, table);
        Variable found = catalogue.variable(dataTable, variable);
        LookupDetail lookup = null;
        if (found.lookupVersion != null) {
            List<LookupUse> uses = catalogue.lookupUses();
            lookup = ApiMapper.lookup(catalogue.lookupVersionWithCodes(found.lookupVersion.id), uses, true);
        }
        return ApiMapper.variable(release, dataTable, found, lookup);
    }
}
