package org.datafirst.catalogue.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.datafirst.catalogue.catalogue.DataTable;
import org.datafirst.catalogue.catalogue.LookupCode;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.synthetic.SyntheticData;

/**
 * A published dataset → the HDR UK dataset schema 4.0.0 document the Gateway pulls (GMI), with
 * structuralMetadata (tables, columns, code values). Pure. Facts the catalogue does not hold are
 * left out where the schema allows; where it requires them they carry the schema's "unknown"
 * conventions (populationSize -1, no observations) rather than invented figures.
 */
public final class HdrukMapper {

    static final String SCHEMA_VERSION = "4.0.0";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HdrukMapper() {}

    /** The metadata version: one major version per release, so it changes exactly when content does. */
    public static String version(Release release) {
        return release.version + ".0.0";
    }

    public static ObjectNode document(Routes links, PublishedDataset dataset) {
        Release current = dataset.current();
        ObjectNode doc = JSON.objectNode();
        doc.put("identifier", links.dataset(dataset.id()));
        doc.put("version", version(current));
        ArrayNode revisions = doc.putArray("revisions");
        dataset.releases().stream()
                .filter(r -> r.version < current.version)
                .sorted(Comparator.comparingInt((Release r) -> r.version).reversed())
                .forEach(r -> revisions
                        .addObject()
                        .put("version", version(r))
                        .put("url", links.releaseJson(dataset.id(), r.version)));
        doc.put("issued", dateTime(current.createdAt));
        doc.put("modified", dateTime(current.createdAt));
        doc.set("summary", summary(current));
        doc.putObject("documentation").put("description", limit(current.document.description(), 10000));
        doc.putObject("coverage").put("spatial", current.document.jurisdiction());
        doc.set("provenance", provenance(current));
        doc.set("accessibility", accessibility(current, links, dataset.id()));
        doc.putArray("observations");
        ObjectNode structure = structure(dataset.tables());
        if (!SyntheticData.tables(current.document).isEmpty()) {
            structure.putArray("syntheticDataWebLink").add(links.synthetic(dataset.id(), null, null, null));
        }
        doc.set("structuralMetadata", structure);
        return doc;
    }

    private static ObjectNode summary(Release release) {
        ObjectNode summary = JSON.objectNode();
        summary.put("title", limit(release.title(), 150));
        summary.put("abstract", limit(release.document.description(), 500));
        ObjectNode custodian = summary.putObject("dataCustodian");
        custodian.put("identifier", limit(slug(release.document.publisher().name()), 50));
        custodian.put("name", limit(release.document.publisher().name(), 150));
        custodian.put("contactPoint", release.document.contact().email());
        summary.put("populationSize", -1);
        ArrayNode keywords = summary.putArray("keywords");
        release.document.keywords().stream()
                .filter(k -> k.length() >= 2)
                .map(k -> limit(k, 150))
                .forEach(keywords::add);
        summary.put("contactPoint", release.document.contact().email());
        if (!release.document.alternativeTitles().isEmpty()) {
            ArrayNode aliases = summary.putArray("datasetAliases");
            release.document.alternativeTitles().stream()
                    .map(t -> limit(t, 1000))
                    .forEach(aliases::add);
        }
        return summary;
    }

    private static ObjectNode provenance(Release release) {
        ObjectNode provenance = JSON.objectNode();
        ObjectNode origin = provenance.putObject("origin");
        origin.putArray("purpose").add("Administrative");
        origin.putArray("collectionSource").add("National government");
        origin.putArray("datasetType")
                .addObject()
                .put("name", "Socioeconomic")
                .putArray("subTypes")
                .add("Crime and justice");
        ObjectNode temporal = provenance.putObject("temporal");
        temporal.put("publishingFrequency", "Annual");
        temporal.put("distributionReleaseDate", release.issued.toString());
        List<CoverageDocument> coverage = release.document.coverage();
        LocalDate start = coverage.stream()
                .map(c -> c.start())
                .min(Comparator.naturalOrder())
                .orElse(release.issued);
        temporal.put("startDate", start.toString());
        boolean open = coverage.isEmpty() || coverage.stream().anyMatch(c -> c.end() == null);
        if (open) {
            temporal.putNull("endDate");
        } else {
            temporal.put(
                    "endDate",
                    coverage.stream()
                            .map(c -> c.end())
                            .max(Comparator.naturalOrder())
                            .orElseThrow()
                            .toString());
        }
        temporal.put("timeLag", "Variable");
        return provenance;
    }

    private static ObjectNode accessibility(Release release, Routes links, String datasetId) {
        ObjectNode accessibility = JSON.objectNode();
        ObjectNode access = accessibility.putObject("access");
        access.put(
                "accessRights",
                limit(
                        release.document.accessRoute() != null
                                ? release.document.accessRoute()
                                : "Access rights: " + release.document.accessRights(),
                        50000));
        access.put("accessServiceCategory", "TRE/SDE");
        access.put(
                "accessService",
                limit(
                        "Held in " + String.join(" and ", release.document.whereHeld())
                                + (release.document.whereHeldNotes() == null
                                        ? "."
                                        : ". " + release.document.whereHeldNotes()),
                        50000));
        ArrayNode jurisdiction = access.putArray("jurisdiction");
        jurisdictions(release.document.jurisdiction()).forEach(jurisdiction::add);
        access.put("dataController", release.document.publisher().name());
        ObjectNode formats = accessibility.putObject("formatAndStandards");
        formats.putArray("vocabularyEncodingScheme").add("LOCAL");
        formats.putArray("conformsTo").add("LOCAL");
        formats.putArray("language").add("en");
        ArrayNode format = formats.putArray("format");
        Arrays.stream(DownloadFormat.values()).map(DownloadFormat::mediaType).forEach(format::add);
        return accessibility;
    }

    /** ISO 3166-2 subdivisions of the catalogue's jurisdictions. */
    static List<String> jurisdictions(String jurisdiction) {
        return switch (jurisdiction) {
            case "England" -> List.of("GB-ENG");
            case "Wales" -> List.of("GB-WLS");
            default -> List.of("GB-ENG", "GB-WLS");
        };
    }

    private static ObjectNode structure(List<DataTable> tables) {
        ObjectNode structure = JSON.objectNode();
        ArrayNode tableNodes = structure.putArray("tables");
        for (DataTable table : tables) {
            ObjectNode tableNode = tableNodes.addObject();
            tableNode.put("name", limit(table.name, 500));
            tableNode.put(
                    "description",
                    limit(
                            (table.description == null ? "" : table.description + " ") + "Grain: " + table.grain + ".",
                            20000));
            ArrayNode columns = tableNode.putArray("columns");
            for (Variable variable : table.variables) {
                ObjectNode column = columns.addObject();
                column.put("name", variable.name);
                column.put("dataType", variable.dataType);
                String description = describe(variable);
                if (description != null) {
                    column.put("description", limit(description, 20000));
                }
                column.put("sensitive", variable.sensitive);
                if (variable.lookupVersion != null) {
                    ArrayNode values = column.putArray("values");
                    for (LookupCode code : variable.lookupVersion.codes) {
                        values.addObject()
                                .put("name", code.code)
                                .put(
                                        "description",
                                        limit(
                                                code.description == null
                                                        ? code.label
                                                        : code.label + ": " + code.description,
                                                20000));
                    }
                }
            }
        }
        return structure;
    }

    private static String describe(Variable variable) {
        String text = java.util.stream.Stream.of(
                        variable.label,
                        variable.description,
                        variable.format == null ? null : "Format: " + variable.format)
                .filter(Objects::nonNull)
                .filter(s -> !s.isBlank())
                .reduce((a, b) -> a + ". " + b)
                .orElse(null);
        return text == null || text.length() < 1 ? null : text;
    }

    static String dateTime(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MILLIS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX"));
    }

    /** At most max characters, cut at a word boundary with an ellipsis when shortened. */
    static String limit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "…";
    }

    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
