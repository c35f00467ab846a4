package org.datafirst.catalogue.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.curation.Precondition;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.problem.UploadTooLargeException;
import org.datafirst.catalogue.security.Roles;
import org.datafirst.catalogue.spreadsheet.DictionaryExporter;
import org.datafirst.catalogue.spreadsheet.DictionaryImporter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Data dictionaries as spreadsheets: downloads of any release as XLSX, ODS or CSV per sheet, and
 * the upload of a workbook into a new release (with a dry run that only previews the changes).
 * Downloads are byte arrays, so the ETag filter gives them a strong ETag like every other GET.
 */
@Path("/api/v1/datasets/{id}")
@Tag(name = "Dictionaries", description = "Data dictionaries as XLSX, ODS and CSV: download and upload.")
public class DictionaryResource {

    static final String XLSX_OR_ODS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DictionaryExporter exporter;

    @Inject
    DictionaryImporter importer;

    @Inject
    CatalogueConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    DryRunLimiter limiter;

    @Context
    HttpServerRequest http;

    @GET
    @Path("/dictionary.{format: xlsx|ods}")
    @Produces({XLSX_OR_ODS, "application/vnd.oasis.opendocument.spreadsheet"})
    @Operation(
            operationId = "getDictionary",
            summary = "Download a dataset's dictionary",
            description = "The current release's data dictionary "
                    + "as an XLSX or ODS workbook: sheets Dataset, Coverage, Sources, Tables, Variables, Lookups and "
                    + "Lookup details, and Linkage quality where the dataset has a linkage-quality report (the newest one attached "
                    + "to the release or an earlier one: its published, disclosure-controlled figures, one a row), with a "
                    + "title row naming the dataset, release and date, a frozen filtered header row, and every cell written "
                    + "as text.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook, as an attachment named <dataset>-<release>.<format>.",
            content = {
                @Content(mediaType = XLSX_OR_ODS, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = "application/vnd.oasis.opendocument.spreadsheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public Response workbook(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"xlsx", "ods"}),
                            description = "xlsx or ods.",
                            example = "xlsx")
                    @PathParam("format")
                    String format) {
        return send(exporter.dataset(id, null, format(format)));
    }

    @GET
    @Path("/dictionary/{sheet}.csv")
    @Produces("text/csv")
    @Operation(
            operationId = "getDictionarySheet",
            summary = "Download one sheet of a dataset's dictionary as CSV",
            description = "One sheet of the "
                    + "current release's dictionary as CSV (UTF-8, RFC 4180): dataset, coverage, sources, tables, variables, "
                    + "lookups or lookup-details, and linkage-quality (the Linkage quality sheet's figures) where the dataset has "
                    + "a linkage-quality report. Text that a spreadsheet would run as a formula is prefixed with an "
                    + "apostrophe.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV, as an attachment named <dataset>-<release>-<sheet>.csv.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "404",
            description = "No such dataset or sheet, or linkage-quality for a dataset without a report.")
    public Response csv(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "dataset",
                                                "coverage",
                                                "sources",
                                                "tables",
                                                "variables",
                                                "lookups",
                                                "lookup-details",
                                                "linkage-quality"
                                            }),
                            description = "Sheet name; linkage-quality only where the dataset has a report.",
                            example = "variables")
                    @PathParam("sheet")
                    String sheet) {
        return send(exporter.datasetCsv(id, null, sheet));
    }

    @GET
    @Path("/releases/{version}/dictionary.{format: xlsx|ods}")
    @Produces({XLSX_OR_ODS, "application/vnd.oasis.opendocument.spreadsheet"})
    // Public, and curators with their token may see drafts too.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = DatasetResource.BEARER))
    @Operation(
            operationId = "getReleaseDictionary",
            summary = "Download a release's dictionary",
            description = "Any release's data dictionary as an XLSX "
                    + "or ODS workbook, laid out like the current release's.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook, as an attachment named <dataset>-<release>.<format>.",
            content = {
                @Content(mediaType = XLSX_OR_ODS, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = "application/vnd.oasis.opendocument.spreadsheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "404", description = "No such dataset or release.")
    public Response releaseWorkbook(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "Release number.",
                            example = "1")
                    @PathParam("version")
                    String version,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"xlsx", "ods"}),
                            description = "xlsx or ods.",
                            example = "ods")
                    @PathParam("format")
                    String format) {
        return send(exporter.dataset(id, version(version), format(format)));
    }

    @GET
    @Path("/releases/{version}/dictionary/{sheet}.csv")
    @Produces("text/csv")
    // Public, and curators with their token may see drafts too.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = DatasetResource.BEARER))
    @Operation(
            operationId = "getReleaseDictionarySheet",
            summary = "Download one sheet of a release's dictionary as CSV",
            description = "One sheet of any " + "release's dictionary as CSV (UTF-8, RFC 4180).")
    @APIResponse(
            responseCode = "200",
            description = "The CSV, as an attachment named <dataset>-<release>-<sheet>.csv.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "404",
            description = "No such dataset, release or sheet, or linkage-quality for a release without a report.")
    public Response releaseCsv(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "Release number.",
                            example = "1")
                    @PathParam("version")
                    String version,
            @Parameter(
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "dataset",
                                                "coverage",
                                                "sources",
                                                "tables",
                                                "variables",
                                                "lookups",
                                                "lookup-details",
                                                "linkage-quality"
                                            }),
                            description = "Sheet name; linkage-quality only where the dataset has a report.",
                            example = "variables")
                    @PathParam("sheet")
                    String sheet) {
        return send(exporter.datasetCsv(id, version(version), sheet));
    }

    @POST
    @Path("/dictionary")
    // Any content type reaches the method, so that a caller without a token hears 401 before 415.
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    // An import needs a curator's token; a dry run is public.
    @SecurityRequirementsSet(@SecurityRequirement(name = DatasetResource.BEARER))
    @SecurityRequirementsSet({})
    @Operation(
            operationId = "importDictionary",
            summary = "Import a dictionary workbook",
            description = "Reads an XLSX or ODS workbook, in our layout "
                    + "(as downloaded) or MoJ's (sheet data_dictionary with Table Name, Variable Name, Variable Description, "
                    + "Values), checks all of it and makes a new release when it differs from the current one; needs a "
                    + "curator token and If-Match (to create a dataset from our layout, none). With dryRun=true, which needs no "
                    + "token, it only checks and returns the changes it would make. Any problem refuses the whole workbook "
                    + "with every problem located at its cell (e.g. Variables!E17); nothing is written.")
    @APIResponse(
            responseCode = "200",
            description = "The changes made (or, with dryRun, that would be made).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)),
            headers =
                    @Header(
                            name = "ETag",
                            description = "After an import, the dataset's new ETag, for the next If-Match."))
    @APIResponse(responseCode = "400", description = "The file is missing.")
    @APIResponse(responseCode = "401", description = "An import without a valid bearer token.")
    @APIResponse(
            responseCode = "404",
            description = "No dataset has this id (MoJ's layout updates an existing dataset).")
    @APIResponse(responseCode = "412", description = "If-Match is stale; nothing was written.")
    @APIResponse(responseCode = "413", description = "The upload, or what it unpacks to, is too large.")
    @APIResponse(responseCode = "422", description = "The workbook has problems; each is located at a sheet cell.")
    @APIResponse(responseCode = "428", description = "If-Match is missing for an existing dataset.")
    @APIResponse(
            responseCode = "429",
            description =
                    "A dry run refused for now: the address has used its dry runs "
                            + "for this minute, or the service is checking as many workbooks as it can. Retry after the seconds given.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again."))
    public Response upload(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema = @Schema(type = SchemaType.BOOLEAN),
                            description = "Only check and preview the changes; write nothing (no token needed).",
                            example = "true")
                    @QueryParam("dryRun")
                    String dryRun,
            @Parameter(
                            description =
                                    "The dataset's current ETag, from GET /api/v1/datasets/{id}; required to import "
                                            + "into an existing dataset.",
                            example = "\"3b0d2f61c5a94e0d8f7a1c2b3d4e5f60\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Parameter(description = "The workbook (.xlsx or .ods).") @RestForm("file") FileUpload file) {
        boolean preview = "true".equalsIgnoreCase(dryRun);
        if (!preview) {
            Roles.requireCurator(identity); // UploadAdmission has checked already, before the body was read
        }
        if (file == null) {
            throw new BadParameterException("file", "is required: send the workbook as multipart form field 'file'");
        }
        if (file.size() > config.spreadsheets().maxUploadBytes()) {
            throw new UploadTooLargeException(
                    file.fileName(),
                    "the upload has " + file.size() + " bytes; at most "
                            + config.spreadsheets().maxUploadBytes() + " are accepted.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (preview) {
            try (DryRunLimiter.Permit reading = limiter.enter()) {
                return Response.ok(ApiMapper.imported(importer.preview(
                                id,
                                bytes,
                                file.fileName(),
                                () -> http.response().closed())))
                        .build();
            }
        }
        DictionaryImporter.Written written = importer.importWorkbook(
                id, bytes, file.fileName(), Precondition.of(ifMatch, null), CuratorAccess.actor(identity));
        return Response.ok(ApiMapper.imported(written.outcome()))
                .header(HttpHeaders.ETAG, written.tag())
                .build();
    }

    static DownloadFormat format(String extension) {
        return DownloadFormat.ofExtension(extension)
                .orElseThrow(() -> new BadParameterException("format", "must be xlsx or ods"));
    }

    private static Integer version(String version) {
        return QueryParameters.integer("version", version).orElseThrow();
    }

    static Response send(DictionaryExporter.Download download) {
        return Response.ok(download.content(), download.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"")
                .build();
    }
}
