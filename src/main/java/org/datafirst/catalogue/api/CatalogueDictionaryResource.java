package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.datafirst.catalogue.spreadsheet.DictionaryExporter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalogue")
@Tag(name = "Dictionaries", description = "Data dictionaries as XLSX, ODS and CSV: download and upload.")
public class CatalogueDictionaryResource {

    @Inject
    DictionaryExporter exporter;

    @GET
    @Path("/dictionary.{format: xlsx|ods}")
    @Produces({DictionaryResource.XLSX_OR_ODS, "application/vnd.oasis.opendocument.spreadsheet"})
    @Operation(
            operationId = "getCatalogueDictionary",
            summary = "Download the whole catalogue's dictionary",
            description = "Every dataset's current release "
                    + "in one XLSX or ODS workbook, laid out like a dataset's with a leading Dataset column on every sheet; "
                    + "the Linkage quality sheet holds the newest report of each dataset that has one.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook, as an attachment named data-first-catalogue.<format>.",
            content = {
                @Content(
                        mediaType = DictionaryResource.XLSX_OR_ODS,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = "application/vnd.oasis.opendocument.spreadsheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response workbook(
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"xlsx", "ods"}),
                            description = "xlsx or ods.",
                            example = "xlsx")
                    @PathParam("format")
                    String format) {
        return DictionaryResource.send(exporter.catalogue(DictionaryResource.format(format)));
    }
}
