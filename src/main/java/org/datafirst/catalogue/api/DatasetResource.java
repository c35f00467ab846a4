package org.datafirst.catalogue.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.CurrentReleases;
import org.datafirst.catalogue.catalogue.DatasetQuery;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseStatus;
import org.datafirst.catalogue.catalogue.SearchResult;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.curation.CurationService;
import org.datafirst.catalogue.curation.Precondition;
import org.datafirst.catalogue.curation.WriteOutcome;
import org.datafirst.catalogue.http.EntityTags;
import org.datafirst.catalogue.http.PageRequest;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "Datasets, their releases, tables and variables.")
@SecurityScheme(
        securitySchemeName = DatasetResource.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "A JWT from the configured issuer whose groups claim contains 'curator'. "
                + "Reads are public; every write needs it.")
public class DatasetResource {

    static final String BEARER = "bearer";
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String IF_MATCH_DESCRIPTION = "The dataset's current ETag, from GET /api/v1/datasets/{id} or "
            + "the last write's response. Required when the dataset exists; a stale tag gets 412 and changes nothing.";
    private static final String STATUS_DESCRIPTION = "Status of the release the write makes: published (served at "
            + "once) or draft (visible to curators until published).";

    @Inject
    CurationService curation;

    @Inject
    SecurityIdentity identity;

    @Inject
    CatalogueService catalogue;

    @Inject
    CatalogueConfig config;

    @Inject
    ReleaseRepresentations representations;

    @Inject
    CurrentReleases currentReleases;

    @GET
    @Operation(
            operationId = "listDatasets",
            summary = "List and search datasets",
            description =
                    "Datasets of the catalogue, a page at a time with the total count. With q, a full-text search "
                            + "over titles, descriptions, tables, variables and code labels, ranked by relevance. Filters of "
                            + "different kinds all apply; several values of one filter (repeated or comma-separated) are alternatives.")
    @APIResponse(responseCode = "200", description = "A page of datasets.")
    @APIResponse(responseCode = "400", description = "A parameter has an invalid value; the problem names it.")
    public DatasetPage list(
            @Parameter(
                            description = "Full-text query (web-search syntax: words, \"phrases\", OR, -exclusions).",
                            example = "ethnicity")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "Jurisdiction.", example = "[\"England and Wales\"]") @QueryParam("jurisdiction")
                    List<String> jurisdiction,
            @Parameter(description = "Secure environment holding the data.", example = "[\"SAIL Databank\"]")
                    @QueryParam("whereHeld")
                    List<String> whereHeld,
            @Parameter(description = "Approval body: DAP, DAG, DAGB or DfE.", example = "[\"DAP\"]")
                    @QueryParam("approval")
                    List<String> approval,
            @Parameter(description = "Source system.", example = "[\"Libra\"]") @QueryParam("sourceSystem")
                    List<String> sourceSystem,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "9999"),
                            description = "Keep datasets covering any part of the years from this one.",
                            example = "2015")
                    @QueryParam("coverageFrom")
                    String coverageFrom,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "9999"),
                            description = "Keep datasets covering any part of the years up to this one.",
                            example = "2020")
                    @QueryParam("coverageTo")
                    String coverageTo,
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
        DatasetQuery query = new DatasetQuery(
                QueryParameters.text("q", q),
                QueryParameters.values(jurisdiction),
                QueryParameters.values(whereHeld),
                QueryParameters.values(approval),
                QueryParameters.values(sourceSystem),
                QueryParameters.year("coverageFrom", coverageFrom),
                QueryParameters.year("coverageTo", coverageTo));
        PageRequest request = QueryParameters.page(page, size, config.api());
        SearchResult<Release> result = catalogue.searchDatasets(query, request);
        return new DatasetPage(
                result.hits().stream()
                        .map(h -> ApiMapper.summary(h.item(), h.score()))
                        .toList(),
                request.page(),
                request.size(),
                result.total(),
                request.totalPages(result.total()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getDataset",
            summary = "Get a dataset",
            description = "The current release of a dataset: its metadata, coverage, "
                    + "approvals, where it is held, how to get access, and its tables with their grain.")
    @APIResponse(
            responseCode = "200",
            description = "The dataset.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DatasetDetail.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public Response get(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        // Which release is current, and the dataset's tag (which writes check), come from this replica's
        // map; the representation depends on the current release only. Cache hits never get here: they are
        // answered on the event loop (CachedDatasetReads).
        long releaseId = currentReleases.currentReleaseId(id);
        byte[] body = representations.json(ReleaseRepresentations.DATASET, releaseId, () -> {
            Release release = catalogue.release(releaseId);
            return ApiMapper.detail(release, catalogue.tables(release));
        });
        return dataset(body, currentReleases.datasetTag(id).orElseThrow());
    }

    /** The name of {@link #get}, which {@link CachedDatasetReads} answers from memory when it can. */
    static final String GET_DATASET = "get";

    static Response dataset(byte[] json, String tag) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .tag(EntityTags.of(tag))
                .build();
    }

    private static Response ok(byte[] json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = BEARER)
    @Operation(
            operationId = "replaceDataset",
            summary = "Create or replace a dataset's dictionary",
            description =
                    "The whole dictionary as JSON in the shape of the source files (catalogue-sources/schema/"
                            + "dataset.schema.json). Makes a new immutable release (201), or changes nothing when the content "
                            + "equals the newest release (200). Replacing needs If-Match; creating needs none (or If-None-Match: *).")
    @RequestBody(
            description = "The dataset document.",
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "A dataset in the shape of catalogue-sources/schema/dataset.schema.json.")))
    @APIResponse(
            responseCode = "201",
            description = "A new release was made.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReleaseSummary.class)),
            headers = @Header(name = "ETag", description = "The dataset's new ETag, for the next If-Match."))
    @APIResponse(responseCode = "200", description = "The content is unchanged; no release was made.")
    @APIResponse(responseCode = "412", description = "If-Match is stale; nothing was written.")
    @APIResponse(responseCode = "413", description = "The body is too large.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The document is invalid; every error has a JSON pointer.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<ReleaseSummary> replace(
            @Parameter(description = "Dataset id; must equal the document's id.", example = "probation")
                    @PathParam("id")
                    String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3b0d2f61c5a94e0d8f7a1c2b3d4e5f60\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Parameter(description = "* to create only: 412 when the dataset exists.", example = "*")
                    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"published", "draft"}),
                            description = STATUS_DESCRIPTION,
                            example = "published")
                    @QueryParam("status")
                    String status,
            byte[] body) {
        return written(
                id,
                curation.replace(
                        id,
                        body,
                        Precondition.of(ifMatch, ifNoneMatch),
                        ReleaseStatus.ofWrite(status),
                        CuratorAccess.actor(identity)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = BEARER)
    @Operation(
            operationId = "editDataset",
            summary = "Edit a dataset's fields",
            description = "A JSON Merge Patch (RFC 7396) applied to the dataset's newest release, e.g. "
                    + "{\"description\": \"…\"}; null removes an optional field, arrays are replaced whole. The result "
                    + "must satisfy the source-file schema and rules. Makes a new immutable release; needs If-Match.")
    @RequestBody(
            description = "The merge patch.",
            required = true,
            content =
                    @Content(
                            mediaType = MERGE_PATCH,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "The fields to change; null removes an optional field.")))
    @APIResponse(
            responseCode = "201",
            description = "A new release was made.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReleaseSummary.class)),
            headers = @Header(name = "ETag", description = "The dataset's new ETag, for the next If-Match."))
    @APIResponse(responseCode = "200", description = "The patch changes nothing; no release was made.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    @APIResponse(responseCode = "412", description = "If-Match is stale; nothing was written.")
    @APIResponse(responseCode = "422", description = "The patched document is invalid; every error has a JSON pointer.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<ReleaseSummary> edit(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3b0d2f61c5a94e0d8f7a1c2b3d4e5f60\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"published", "draft"}),
                            description = STATUS_DESCRIPTION,
                            example = "published")
                    @QueryParam("status")
                    String status,
            byte[] body) {
        return written(
                id,
                curation.edit(
                        id,
                        body,
                        Precondition.of(ifMatch, null),
                        ReleaseStatus.ofWrite(status),
                        CuratorAccess.actor(identity)));
    }

    @POST
    @Path("/{id}/releases/{version}/publish")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = BEARER)
    @Operation(
            operationId = "publishRelease",
            summary = "Publish a draft release",
            description = "The draft becomes the dataset's current release, served to the public and harvesters, and "
                    + "enters the change feed. Needs If-Match.")
    @APIResponse(
            responseCode = "201",
            description = "The release is published.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReleaseSummary.class)),
            headers = @Header(name = "ETag", description = "The dataset's new ETag, for the next If-Match."))
    @APIResponse(responseCode = "404", description = "No such dataset or release.")
    @APIResponse(
            responseCode = "409",
            description =
                    "The release is already published, or is a draft older than the current release (releases only move forwards).")
    @APIResponse(responseCode = "412", description = "If-Match is stale; nothing was written.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public RestResponse<ReleaseSummary> publish(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "Release number of the draft.",
                            example = "4")
                    @PathParam("version")
                    String version,
            @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3b0d2f61c5a94e0d8f7a1c2b3d4e5f60\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        int number = QueryParameters.integer("version", version)
                .orElseThrow(() -> new BadParameterException("version", "is required"));
        return written(id, curation.publish(id, number, Precondition.of(ifMatch, null), CuratorAccess.actor(identity)));
    }

    @GET
    @Path("/{id}/diff")
    // Public, and curators with their token may see drafts too.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = DatasetResource.BEARER))
    @Operation(
            operationId = "compareReleases",
            summary = "Compare two releases",
            description = "The structured difference between two releases of the dataset: dataset fields, coverage, "
                    + "tables, variables, lookups and codes, each added, removed or changed with before and after. "
                    + "Drafts can be compared by curators only.")
    @APIResponse(responseCode = "200", description = "The differences.")
    @APIResponse(responseCode = "400", description = "from or to is missing or not a number.")
    @APIResponse(responseCode = "404", description = "No such dataset or release.")
    public ReleaseDiff diff(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "The release to compare from.",
                            example = "1")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "The release to compare to.",
                            example = "2")
                    @QueryParam("to")
                    String to) {
        int a = QueryParameters.integer("from", from)
                .orElseThrow(() -> new BadParameterException("from", "is required"));
        int b = QueryParameters.integer("to", to).orElseThrow(() -> new BadParameterException("to", "is required"));
        return ReleaseDiff.of(id, a, b, catalogue.diff(id, a, b));
    }

    private static RestResponse<ReleaseSummary> written(String id, WriteOutcome outcome) {
        var response = outcome.created()
                ? RestResponse.ResponseBuilder.<ReleaseSummary>created(
                        URI.create(Routes.RELATIVE.releaseJson(id, outcome.release().version)))
                : RestResponse.ResponseBuilder.<ReleaseSummary>ok();
        return response.entity(ApiMapper.release(outcome.release()))
                .tag(EntityTags.of(outcome.tag()))
                .build();
    }

    @GET
    @Path("/{id}/releases")
    // Public, and curators with their token may see drafts too.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = DatasetResource.BEARER))
    @Operation(
            operationId = "listReleases",
            summary = "List a dataset's releases",
            description = "The dataset's published releases, newest "
                    + "first; curators may ask for drafts (status=draft) or both (status=all) with their bearer token.")
    @APIResponse(responseCode = "200", description = "The releases.")
    @APIResponse(responseCode = "401", description = "Drafts asked for without a valid bearer token.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public List<ReleaseSummary> releases(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"published", "draft", "all"}),
                            description = "published (default), draft or all; draft and all need a curator's token.",
                            example = "published")
                    @QueryParam("status")
                    String status) {
        return catalogue.releases(id, ReleaseStatus.ofRead(status)).stream()
                .map(ApiMapper::release)
                .toList();
    }

    @GET
    @Path("/{id}/releases/{version}")
    // Public, and curators with their token may see drafts too.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = DatasetResource.BEARER))
    @Operation(
            operationId = "getRelease",
            summary = "Get one release of a dataset",
            description = "A release exactly as it was published; "
                    + "releases never change. Drafts are visible to curators only.")
    @APIResponse(responseCode = "200", description = "The dataset as of that release.")
    @APIResponse(responseCode = "404", description = "No such dataset or release.")
    public DatasetDetail release(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "Release number.",
                            example = "1")
                    @PathParam("version")
                    String version) {
        int number = QueryParameters.integer("version", version).orElseThrow();
        Release release = catalogue.release(id, number);
        return ApiMapper.detail(release, catalogue.tables(release), false);
    }

    @GET
    @Path("/{id}/tables")
    @Operation(
            operationId = "listTables",
            summary = "List a dataset's tables",
            description = "The tables of the dataset's current release, in "
                    + "order, with their grain and number of variables.")
    @APIResponse(
            responseCode = "200",
            description = "The tables.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = TableSummary.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public Response tables(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        long releaseId = catalogue.currentReleaseId(id);
        return ok(representations.json(
                "tables", releaseId, () -> ApiMapper.tables(id, catalogue.tables(catalogue.release(releaseId)))));
    }

    @GET
    @Path("/{id}/tables/{table}")
    @Operation(
            operationId = "getTable",
            summary = "Get a table with its variables",
            description = "One table of the dataset's current release " + "with its variables in order.")
    @APIResponse(
            responseCode = "200",
            description = "The table.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TableDetail.class)))
    @APIResponse(responseCode = "404", description = "No such dataset or table.")
    public Response table(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Table name.", example = "delius_flatfile") @PathParam("table") String table) {
        long releaseId = catalogue.currentReleaseId(id);
        return ok(representations.json("table:" + table, releaseId, () -> {
            Release release = catalogue.release(releaseId);
            return ApiMapper.table(release, catalogue.table(release, table));
        }));
    }

    @GET
    @Path("/{id}/tables/{table}/variables/{variable}")
    @Operation(
            operationId = "getVariable",
            summary = "Get a variable",
            description = "One variable with its type, format, quality notes, "
                    + "provenance and, when coded, its lookup with every code.")
    @APIResponse(responseCode = "200", description = "The variable.")
    @APIResponse(responseCode = "404", description = "No such dataset, table or variable.")
    public VariableDetail variable(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Table name.", example = "delius_flatfile") @PathParam("table") String table,
            @Parameter(description = "Variable name.", example = "ethnicity_desc") @PathParam("variable")
                    String variable) {
        return ApiMapper.variable(catalogue.variable(id, table, variable));
    }
}
