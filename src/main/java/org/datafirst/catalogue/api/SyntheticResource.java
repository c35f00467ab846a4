package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.synthetic.SyntheticData;
import org.datafirst.catalogue.synthetic.SyntheticFormat;
import org.datafirst.catalogue.synthetic.SyntheticService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Low-fidelity synthetic data generated from a release's dictionary, to write and test code before
 * access: one table as CSV or Parquet, or every table in a zip with a README. Streamed as generated.
 */
@Path("/api/v1/datasets/{id}")
@Tag(name = "Synthetic data", description = SyntheticData.STATEMENT)
public class SyntheticResource {

    private static final String TABLE_FORMATS = "text/csv";
    private static final String TOO_MANY =
            "The service is generating as many synthetic files as it can; retry after the seconds given.";

    @Inject
    SyntheticService synthetic;

    @Context
    Request request;

    @GET
    @Path("/synthetic/{table}.{format: csv|parquet}")
    @Produces({TABLE_FORMATS, "application/vnd.apache.parquet"})
    @Operation(
            operationId = "getSyntheticTable",
            summary = "Download synthetic data of one table",
            description = "Rows generated from the current release's dictionary: codes from each variable's lookup, "
                    + "dates inside the coverage in the stated format, placeholder text, and meaningless keys that join "
                    + "across the dataset's tables (and, for the linking dataset, into the datasets it links). Columns "
                    + "without a published type are text. Parquet files carry the same statement in their metadata.")
    @APIResponse(
            responseCode = "200",
            description = "The table, as an attachment.",
            content = {
                @Content(mediaType = TABLE_FORMATS, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = "application/vnd.apache.parquet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "rows or seed is not a whole number, or rows is out of range.")
    @APIResponse(responseCode = "404", description = "No such dataset, or no such table with published variables.")
    @APIResponse(
            responseCode = "429",
            description = TOO_MANY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again."))
    public Response table(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Table name.", example = "delius_flatfile") @PathParam("table") String table,
            @Parameter(
                            description = "csv or parquet.",
                            example = "csv",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"csv", "parquet"}))
                    @PathParam("format")
                    String format,
            @BeanParam SyntheticParameters parameters) {
        return send(synthetic.table(id, null, table, format(format), parameters.rows(), parameters.seed(), generate()));
    }

    @GET
    @Path("/synthetic.zip")
    @Produces("application/zip")
    @Operation(
            operationId = "getSyntheticDataset",
            summary = "Download synthetic data of every table of a dataset",
            description = "A zip of every table of the current release that has published variables, each as CSV and "
                    + "Parquet, with a README saying how the data were made, the seed and release, and what is not "
                    + "realistic.")
    @APIResponse(
            responseCode = "200",
            description = "The zip, as an attachment.",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "rows or seed is not a whole number, or rows is out of range.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    @APIResponse(
            responseCode = "429",
            description = TOO_MANY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again."))
    public Response dataset(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @BeanParam SyntheticParameters parameters) {
        return send(synthetic.dataset(id, null, parameters.rows(), parameters.seed(), generate()));
    }

    @GET
    @Path("/releases/{version}/synthetic/{table}.{format: csv|parquet}")
    @Produces({TABLE_FORMATS, "application/vnd.apache.parquet"})
    @Operation(
            operationId = "getReleaseSyntheticTable",
            summary = "Download synthetic data of one table of a release",
            description = "As for the current release, generated from the dictionary of the release given.")
    @APIResponse(
            responseCode = "200",
            description = "The table, as an attachment.",
            content = {
                @Content(mediaType = TABLE_FORMATS, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = "application/vnd.apache.parquet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "rows or seed is not a whole number, or rows is out of range.")
    @APIResponse(responseCode = "404", description = "No such dataset or release, or no such table with variables.")
    @APIResponse(
            responseCode = "429",
            description = TOO_MANY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again."))
    public Response releaseTable(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Release number.", example = "1", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("version")
                    String version,
            @Parameter(description = "Table name.", example = "delius_flatfile") @PathParam("table") String table,
            @Parameter(
                            description = "csv or parquet.",
                            example = "parquet",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"csv", "parquet"}))
                    @PathParam("format")
                    String format,
            @BeanParam SyntheticParameters parameters) {
        return send(synthetic.table(
                id, version(version), table, format(format), parameters.rows(), parameters.seed(), generate()));
    }

    @GET
    @Path("/releases/{version}/synthetic.zip")
    @Produces("application/zip")
    @Operation(
            operationId = "getReleaseSyntheticDataset",
            summary = "Download synthetic data of every table of a release",
            description = "As for the current release, generated from the dictionary of the release given.")
    @APIResponse(
            responseCode = "200",
            description = "The zip, as an attachment.",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "rows or seed is not a whole number, or rows is out of range.")
    @APIResponse(responseCode = "404", description = "No such dataset or release.")
    @APIResponse(
            responseCode = "429",
            description = TOO_MANY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again."))
    public Response releaseDataset(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(description = "Release number.", example = "1", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("version")
                    String version,
            @BeanParam SyntheticParameters parameters) {
        return send(synthetic.dataset(id, version(version), parameters.rows(), parameters.seed(), generate()));
    }

    /** HEAD runs the GET method but never writes the body, so it must not generate (or hold a place for) one. */
    private boolean generate() {
        return !"HEAD".equals(request.getMethod());
    }

    private static SyntheticFormat format(String extension) {
        return SyntheticFormat.ofTableExtension(extension)
                .orElseThrow(() -> new BadParameterException("format", "must be csv or parquet"));
    }

    private static Integer version(String version) {
        return QueryParameters.integer("version", version).orElseThrow();
    }

    private static Response send(SyntheticService.Download download) {
        StreamingOutput body = download.body()::writeTo;
        return Response.ok(body, download.format().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"")
                .build();
    }
}
