package org.datafirst.catalogue.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.spreadsheet.CsvWriter;
import org.datafirst.catalogue.spreadsheet.OdsWriter;
import org.datafirst.catalogue.spreadsheet.XlsxWriter;

/**
 * "Your variable list": add variables (or a whole table) with plain HTML forms, write a justification
 * for each, download the list. The list lives in a signed cookie ({@link VariableListCookie}); every
 * change answers 303 See Other with the new cookie, so it all works without JavaScript. Never cached.
 */
@Path("/your-list")
@Produces(MediaType.TEXT_HTML)
public class VariableListResource {

    @Inject
    VariableListPages lists;

    @Inject
    VariableListCookie cookies;

    @Inject
    Pages templates;

    @Context
    UriInfo request;

    @GET
    public Response show(@CookieParam(VariableListCookie.NAME) String cookie, @QueryParam("added") String added) {
        int count = added != null && added.matches("\\d{1,3}") ? Integer.parseInt(added) : 0;
        return Response.ok(templates.render("list", lists.view(cookies.read(cookie), count)), PageResponses.HTML)
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @CookieParam(VariableListCookie.NAME) String cookie,
            @FormParam("dataset") String dataset,
            @FormParam("table") String table,
            @FormParam("variable") String variable) {
        VariableList before = cookies.read(cookie);
        VariableList after = before.with(lists.toAdd(required("dataset", dataset), required("table", table), variable));
        return seeList(after, "?added=" + (after.size() - before.size()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@CookieParam(VariableListCookie.NAME) String cookie, MultivaluedMap<String, String> form) {
        VariableList list = cookies.read(cookie);
        Map<Integer, String> justifications = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.matches("justification-\\d{1,3}") && !values.isEmpty()) {
                justifications.put(Integer.parseInt(name.substring("justification-".length())), values.get(0));
            }
        });
        list = list.justified(justifications);
        String remove = form.getFirst("remove");
        if (remove != null && remove.matches("\\d{1,3}")) {
            list = list.without(Integer.parseInt(remove));
        }
        return seeList(list, "");
    }

    @GET
    @Path("download.{format}")
    @Produces(MediaType.WILDCARD)
    public Response download(@CookieParam(VariableListCookie.NAME) String cookie, @PathParam("format") String format) {
        VariableList list = cookies.read(cookie);
        var sheet = lists.sheet(list);
        DownloadFormat type = DownloadFormat.ofExtension(format)
                .filter(f -> f == DownloadFormat.XLSX || f == DownloadFormat.ODS || f == DownloadFormat.CSV)
                .orElseThrow(() -> new NotFoundException("download format", format));
        byte[] body = switch (type) {
            case XLSX -> XlsxWriter.write(List.of(sheet), lists.title());
            case ODS -> OdsWriter.write(List.of(sheet), lists.title());
            default -> CsvWriter.write(sheet);
        };
        return Response.ok(body, type.contentType())
                .header("Content-Disposition", "attachment; filename=\"variables-requested." + format + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response seeList(VariableList list, String query) {
        NewCookie cookie = new NewCookie.Builder(VariableListCookie.NAME)
                .value(cookies.write(list))
                .path("/")
                .maxAge((int) VariableListCookie.LIFETIME.toSeconds())
                .httpOnly(true)
                .secure("https".equals(request.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(URI.create("/your-list" + query))
                .cookie(cookie)
                .build();
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, "is required");
        }
        return value;
    }
}
