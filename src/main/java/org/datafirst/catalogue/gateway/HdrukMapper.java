package org.datafirst.catalogue.gateway;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import org.datafirst.catalogue.catalogue.DataTable;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;
import org.datafirst.catalogue.catalogue.LookupCode;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.SourceReference;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.synthetic.SyntheticData;

/**
 * A published dataset → the HDR UK dataset schema 4.0.0 document the Gateway pulls (GMI), with
 * structuralMetadata (tables, columns, code values). Pure. Facts the catalogue does not hold are
 * left out (or null) where the schema allows; where it requires a value it cannot hold "not known"
 * the README lists what is sent and why (populationSize -1 where no source counts people, timeLag
 * "Other").
 */
public final class HdrukMapper {

    static final String SCHEMA_VERSION = "4.0.0";

    /**
     * Revision of this mapping. Raise it whenever a change here alters any document: it is the
     * version's minor part, so the Gateway, which skips versions it already holds, takes the
     * corrected documents.
     */
    static final int MAPPING_REVISION = 2;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HdrukMapper() {}

    /**
     * The metadata version {publication}.{mapping revision}.{linkage report}: the major part counts the
     * dataset's publications (a release becoming current), so it rises with every publication, even of
     * an old draft, and never goes back; the minor part rises when the mapping changes; the patch part is
     * the newest linkage-quality report's id (ids only grow), so a new report changes the version too.
     */
    public static String version(PublishedDataset dataset, Optional<LinkageQualityReport> linkage) {
        return version(
                dataset.publications().size(),
                linkage.map(LinkageQualityReport::id).orElse(0L));
    }

    private static String version(int publication, long linkageReport) {
        return publication + "." + MAPPING_REVISION + "." + linkageReport;
    }

    public static ObjectNode document(Routes links, PublishedDataset dataset, Optional<LinkageQualityReport> linkage) {
        Release current = dataset.current();
        ObjectNode doc = JSON.objectNode();
        doc.put("identifier", links.dataset(dataset.id()));
        doc.put("version", version(dataset, linkage));
        ArrayNode revisions = doc.putArray("revisions");
        List<PublishedDataset.Publication> publications = dataset.publications();
        for (int i = publications.size() - 1; i >= 1; i--) {
            revisions
                    .addObject()
                    .put("version", version(i, 0))
                    .put(
                            "url",
                            links.releaseJson(
                                    dataset.id(), publications.get(i - 1).version()));
        }
        doc.put("issued", issued(dataset));
        doc.put("modified", issued(dataset));
        doc.set("summary", summary(current));
        doc.set("documentation", documentation(current));
        doc.putObject("coverage").put("spatial", current.document.jurisdiction());
        doc.set("provenance", provenance(current));
        doc.set("accessibility", accessibility(current));
        linkage.ifPresent(report -> doc.set("enrichmentAndLinkage", linkage(links, report)));
        ArrayNode observations = doc.putArray("observations");
        current.document.observations().forEach(o -> observations.add(observation(o)));
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
        summary.put("populationSize", populationSize(release.document));
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
        // No source states how often each dataset is refreshed or the date of its latest release.
        temporal.putNull("publishingFrequency");
        String firstReleased = release.document.issued();
        if (firstReleased != null && firstReleased.length() == 10) {
            temporal.put("distributionReleaseDate", firstReleased);
        } else {
            temporal.putNull("distributionReleaseDate");
        }
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
        // Required, with no "not known" among its values; no source gives the lag.
        temporal.put("timeLag", "Other");
        return provenance;
    }

    /** The metadata version's issue time: when its release was published (also the GMI list's). */
    static String issued(PublishedDataset dataset) {
        return dateTime(dataset.publishedAt());
    }

    /** The description and, as associated media, the public documents the dataset's facts come from. */
    private static ObjectNode documentation(Release release) {
        ObjectNode documentation = JSON.objectNode();
        documentation.put("description", limit(release.document.description(), 10000));
        List<String> urls = java.util.stream.Stream.concat(
                        release.document.sources().stream().map(SourceReference::url),
                        release.document.catalogueEntries().stream().map(DatasetDocument.CatalogueEntry::url))
                .filter(Objects::nonNull)
                .filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .distinct()
                .toList();
        if (!urls.isEmpty()) {
            ArrayNode media = documentation.putArray("associatedMedia");
            urls.forEach(media::add);
        }
        return documentation;
    }

    /**
     * People counted by a source (an observation of Persons); otherwise -1, which the Gateway's search
     * reads as "population size not reported" (its includeUnreported filter matches -1). The schema
     * requires an integer and has no null.
     */
    static long populationSize(DatasetDocument document) {
        return document.observations().stream()
                .filter(o -> o.observedNode().equals("Persons"))
                .max(Comparator.comparing(DatasetDocument.Observation::observationDate))
                .map(DatasetDocument.Observation::measuredValue)
                .orElse(-1L);
    }

    private static ObjectNode observation(DatasetDocument.Observation source) {
        ObjectNode observation = JSON.objectNode()
                .put("observedNode", source.observedNode())
                .put("measuredValue", source.measuredValue())
                .put("measuredProperty", source.measuredProperty())
                .put("observationDate", source.observationDate());
        if (source.description() != null) {
            observation.put("disambiguatingDescription", limit(source.description(), 500));
        }
        return observation;
    }

    private static ObjectNode accessibility(Release release) {
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
        if (release.document.deliveryLeadTime() != null) {
            access.put("deliveryLeadTime", release.document.deliveryLeadTime().value());
        }
        ArrayNode jurisdiction = access.putArray("jurisdiction");
        jurisdictions(release.document.jurisdiction()).forEach(jurisdiction::add);
        access.put("dataController", release.document.publisher().name());
        accessibility
                .putObject("usage")
                .putArray("resourceCreator")
                .add(release.document.publisher().name());
        ObjectNode formats = accessibility.putObject("formatAndStandards");
        // The code lists are the Ministry of Justice's own and the tables its own extract layout.
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

    /**
     * From the newest linkage-quality report: the datasets this one's records were linked to (those with a link rate
     * that is published and above zero), and as tools the report itself (how the linkage was made: model, threshold,
     * settings hash; and its quality figures) and the dataset page's linkage-quality section.
     */
    static ObjectNode linkage(Routes links, LinkageQualityReport report) {
        ObjectNode section = JSON.objectNode();
        ArrayNode linkable = section.putArray("linkableDatasets");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (JsonNode g : report.report().path("groups")) {
            for (JsonNode l : g.path("cross_dataset_link_rates")) {
                if (l.path("rate").asDouble(0) > 0) {
                    seen.add(l.path("other_dataset").asText());
                }
            }
        }
        seen.forEach(other -> linkable.addObject().put("title", limit(other, 150)));
        section.putArray("tools")
                .add(links.linkageQualityJson(report.datasetId()))
                .add(links.dataset(report.datasetId()) + "#linkage-quality");
        return section;
    }
}
