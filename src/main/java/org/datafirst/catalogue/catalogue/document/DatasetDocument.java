package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One dataset's dictionary as written by curators: the shape of a catalogue-sources/datasets file
 * (see catalogue-sources/schema/dataset.schema.json). Releases are made from documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetDocument(
        String id,
        String title,
        List<String> alternativeTitles,
        // Fields added after releases were first hashed are left out when empty, so a document without
        // them keeps its stored content hash (ContentHashStabilityTest) and loading makes no new release.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Identifier> identifiers,
        String description,
        Publisher publisher,
        Contact contact,
        String source,
        List<String> sourceSystems,
        String jurisdiction,
        List<CoverageDocument> coverage,
        List<String> keyVariables,
        List<String> researchAreas,
        List<String> approvals,
        String approvalNotes,
        List<String> whereHeld,
        String whereHeldNotes,
        String accessRoute,
        String linkageNotes,
        List<String> limitations,
        String notes,
        String dictionaryCompleteness,
        List<String> keywords,
        String accessRights,
        String firstReleased,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String issued,
        String officialCatalogueFile,
        List<CatalogueEntry> catalogueEntries,
        ReleaseInfo release,
        List<SourceReference> sources,
        List<TableDocument> tables,
        List<LookupDocument> lookups,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) LeadTime deliveryLeadTime,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Observation> observations,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Legislation> legislation) {

    public DatasetDocument {
        alternativeTitles = listOrEmpty(alternativeTitles);
        identifiers = listOrEmpty(identifiers);
        sourceSystems = listOrEmpty(sourceSystems);
        coverage = listOrEmpty(coverage);
        keyVariables = listOrEmpty(keyVariables);
        researchAreas = listOrEmpty(researchAreas);
        approvals = listOrEmpty(approvals);
        whereHeld = listOrEmpty(whereHeld);
        limitations = listOrEmpty(limitations);
        keywords = listOrEmpty(keywords);
        catalogueEntries = listOrEmpty(catalogueEntries);
        sources = listOrEmpty(sources);
        tables = listOrEmpty(tables);
        lookups = listOrEmpty(lookups);
        observations = listOrEmpty(observations);
        legislation = listOrEmpty(legislation);
        accessRights = accessRights == null ? "non-public" : accessRights;
        release = release == null || release.label() == null && release.changeNotes() == null ? null : release;
    }

    /** A document with nothing in it: the base a first upload is compared with. */
    public static DatasetDocument empty() {
        return new DatasetDocument(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The same dataset-level fields with another dictionary: its sources, tables and lookups. */
    public DatasetDocument withDictionary(
            List<SourceReference> newSources, List<TableDocument> newTables, List<LookupDocument> newLookups) {
        return new DatasetDocument(
                id,
                title,
                alternativeTitles,
                identifiers,
                description,
                publisher,
                contact,
                source,
                sourceSystems,
                jurisdiction,
                coverage,
                keyVariables,
                researchAreas,
                approvals,
                approvalNotes,
                whereHeld,
                whereHeldNotes,
                accessRoute,
                linkageNotes,
                limitations,
                notes,
                dictionaryCompleteness,
                keywords,
                accessRights,
                firstReleased,
                issued,
                officialCatalogueFile,
                catalogueEntries,
                release,
                newSources,
                newTables,
                newLookups,
                deliveryLeadTime,
                observations,
                legislation);
    }

    /** The same document with other lookups. */
    public DatasetDocument withLookups(List<LookupDocument> replacement) {
        return withDictionary(sources, tables, replacement);
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public record Publisher(String name, String url) {}

    /** Another identifier of the dataset and who gave it, e.g. PROB from SAIL Databank. */
    public record Identifier(String notation, String issuer) {}

    public record Contact(String name, String email) {}

    public record CatalogueEntry(String catalogue, String identifier, String url) {}

    public record ReleaseInfo(String label, String changeNotes) {}

    /**
     * How long an access request typically takes, as a source states it (one of the HDR UK 4.0.0
     * delivery lead times, e.g. "2-6 months"), and the id of that source.
     */
    public record LeadTime(String value, String source) {}

    /**
     * A count a source gives for the dataset, in HDR UK's observation terms: what was counted
     * (Persons, Events, Findings), how many, when, and the id of the source.
     */
    public record Observation(
            String observedNode,
            long measuredValue,
            String measuredProperty,
            String observationDate,
            String description,
            String source) {}

    /** An Act the sources say governs the dataset, by its legislation.gov.uk identifier, and the source id. */
    public record Legislation(String title, String uri, String source) {}
}
