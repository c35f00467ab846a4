package org.datafirst.catalogue.dcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.dcat.Vocab.Dcat;
import org.datafirst.catalogue.dcat.Vocab.Dqv;
import org.datafirst.catalogue.dcat.Vocab.Prov;
import org.datafirst.catalogue.http.Routes;
import org.junit.jupiter.api.Test;

/** The mappers without a server: pure functions over in-memory entities. */
class DcatMapperTest {

    private static final Routes URIS = new Routes("https://catalogue.example/");

    @Test
    void theDatasetUriStaysTheSameAcrossReleasesAndEachReleaseLinksItsPredecessor() {
        Release first = release(1, "First title");
        Release second = release(2, "Second title");
        Model one = DcatMapper.dataset(
                URIS, new PublishedDataset("probation", first.createdAt, first, List.of(), List.of(first), List.of()));
        Model two = DcatMapper.dataset(
                URIS,
                new PublishedDataset(
                        "probation", first.createdAt, second, List.of(), List.of(first, second), List.of()));

        Resource dataset = two.getResource("https://catalogue.example/datasets/probation");
        assertThat(one.contains(one.getResource(dataset.getURI()), RDF.type, Dcat.Dataset))
                .isTrue();
        assertThat(dataset.hasProperty(RDF.type, Dcat.Dataset)).isTrue();
        assertThat(dataset.getProperty(Dcat.version).getString()).isEqualTo("2");
        assertThat(dataset.getPropertyResourceValue(Dcat.hasCurrentVersion).getURI())
                .isEqualTo("https://catalogue.example/datasets/probation/releases/2");
        assertThat(two.getResource("https://catalogue.example/datasets/probation/releases/2")
                        .getPropertyResourceValue(Dcat.previousVersion)
                        .getURI())
                .isEqualTo("https://catalogue.example/datasets/probation/releases/1");
        // Each release is a dcat:Dataset, a version of the dataset; a catalogue page lists the dataset once
        assertThat(two.listSubjectsWithProperty(Dcat.isVersionOf, dataset).toList())
                .extracting(Resource::getURI)
                .containsExactlyInAnyOrder(
                        "https://catalogue.example/datasets/probation/releases/1",
                        "https://catalogue.example/datasets/probation/releases/2");
        assertThat(two.listSubjectsWithProperty(Dcat.isVersionOf).toList())
                .allSatisfy(
                        r -> assertThat(r.hasProperty(RDF.type, Dcat.Dataset)).isTrue());
        Model page = DcatMapper.catalog(
                URIS,
                List.of(new PublishedDataset(
                        "probation", first.createdAt, second, List.of(), List.of(first, second), List.of())));
        assertThat(page.listSubjectsWithProperty(RDF.type, Dcat.Dataset).toList())
                .hasSize(1);
        assertThat(ShaclCheck.validate(two).violations()).isEmpty();
    }

    @Test
    void linkageQualityBecomesDqvMeasurementsWithTheirRunAndSuppressedFiguresHaveNoValue() {
        Model model = DcatMapper.newModel();
        OffsetDateTime ended = OffsetDateTime.parse("2025-06-01T10:00:00Z");
        DqvMapper.addMeasurements(
                model,
                URIS,
                List.of(
                        new LinkageQualityMeasurement(
                                "probation",
                                "offender",
                                "duplicate-rate",
                                "Share of records in a cluster " + "with another record.",
                                OptionalDouble.of(0.042),
                                "run-7",
                                ended),
                        new LinkageQualityMeasurement(
                                "probation",
                                "offender",
                                "false-match-estimate",
                                null,
                                OptionalDouble.empty(),
                                "run-7",
                                ended)));

        List<Resource> measurements =
                model.listSubjectsWithProperty(RDF.type, Dqv.QualityMeasurement).toList();
        assertThat(measurements).hasSize(2);
        Resource dataset = model.getResource("https://catalogue.example/datasets/probation");
        assertThat(dataset.listProperties(Dqv.hasQualityMeasurement).toList()).hasSize(2);
        Resource duplicates = measurements.stream()
                .filter(m ->
                        m.getPropertyResourceValue(Dqv.isMeasurementOf).getURI().endsWith("/duplicate-rate"))
                .findFirst()
                .orElseThrow();
        assertThat(duplicates.getProperty(Dqv.value).getDouble()).isEqualTo(0.042);
        assertThat(duplicates.getPropertyResourceValue(Dqv.computedOn)).isEqualTo(dataset);
        Resource run = duplicates.getPropertyResourceValue(Prov.wasGeneratedBy);
        assertThat(run.hasProperty(RDF.type, Prov.Activity)).isTrue();
        assertThat(run.getProperty(Prov.endedAtTime).getString()).isEqualTo("2025-06-01T10:00:00Z");
        Resource suppressed =
                measurements.stream().filter(m -> m != duplicates).findFirst().orElseThrow();
        assertThat(suppressed.hasProperty(Dqv.value)).isFalse();
        assertThatThrownBy(() ->
                        new LinkageQualityMeasurement("p", "r", "Not A Slug", null, OptionalDouble.empty(), "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageLinksKeepOtherParametersAndReplacePaging() {
        URI uri = URI.create("https://h.example/catalog.ttl?modified_since=2024-01-01&size=10&page=3");
        assertThat(DcatService.pageUrl(uri, 4, 10))
                .isEqualTo("https://h.example/catalog.ttl?modified_since=2024-01-01&page=4&size=10");
        HydraPaging.PageLinks links =
                DcatService.links(new CatalogRequest(uri, "https://h.example", Optional.empty(), 3, 10), 25);
        assertThat(links.next()).isNull();
        assertThat(links.last()).endsWith("page=3&size=10");
        assertThat(links.previous()).endsWith("page=2&size=10");
        HydraPaging.PageLinks beyond =
                DcatService.links(new CatalogRequest(uri, "https://h.example", Optional.empty(), 9, 10), 25);
        assertThat(beyond.previous()).endsWith("page=3&size=10");
    }

    static Release release(int version, String title) {
        Release release = new Release();
        release.id = (long) version;
        release.datasetId = "probation";
        release.version = version;
        release.document = new DatasetDocument(
                "probation",
                title,
                null,
                null,
                "A description.",
                new DatasetDocument.Publisher("Ministry of Justice", null),
                new DatasetDocument.Contact("Data First", "datafirst@justice.gov.uk"),
                null,
                null,
                null,
                List.of(new CoverageDocument(
                        LocalDate.of(2014, 1, 1), LocalDate.of(2023, 3, 31), "referral dates", null, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Complete.",
                null,
                "non-public",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        release.issued = LocalDate.of(2024, version, 1);
        release.createdAt = OffsetDateTime.parse("2024-0" + version + "-01T12:00:00Z");
        return release;
    }
}
