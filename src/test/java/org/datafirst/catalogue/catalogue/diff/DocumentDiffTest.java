package org.datafirst.catalogue.catalogue.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument.CodeDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.junit.jupiter.api.Test;

class DocumentDiffTest {

    @Test
    void equalDocumentsHaveNoDifference() {
        assertThat(DocumentDiff.between(
                                document("A", List.of(table("t1", variable("v1", "x"))), List.of()),
                                document("A", List.of(table("t1", variable("v1", "x"))), List.of()))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void fieldsTablesVariablesAndCodesAreReportedWithBeforeAndAfter() {
        // Given
        DatasetDocument before = document(
                "Old title",
                List.of(table("t1", variable("v1", "first"), variable("gone", "x")), table("dropped")),
                List.of(lookup("sex", new CodeDocument("F", "Female", null), new CodeDocument("U", "Unknown", null))));
        DatasetDocument after = document(
                "New title",
                List.of(
                        table("t1", variable("v1", "second"), variable("new_one", "y")),
                        table("added", variable("a1", "z"))),
                List.of(lookup("sex", new CodeDocument("F", "Woman", null), new CodeDocument("M", "Male", null))));

        // When
        DocumentDiff diff = DocumentDiff.between(before, after);

        // Then
        assertThat(diff.dataset()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("title");
            assertThat(c.kind()).isEqualTo(Change.Kind.changed);
            assertThat(c.before().asText()).isEqualTo("Old title");
            assertThat(c.after().asText()).isEqualTo("New title");
        });
        assertThat(diff.tables())
                .extracting(Change::path, Change::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("tables/dropped", Change.Kind.removed),
                        org.assertj.core.groups.Tuple.tuple("tables/added", Change.Kind.added));
        assertThat(diff.variables())
                .extracting(Change::path, Change::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("tables/t1/variables/v1/description", Change.Kind.changed),
                        org.assertj.core.groups.Tuple.tuple("tables/t1/variables/gone", Change.Kind.removed),
                        org.assertj.core.groups.Tuple.tuple("tables/t1/variables/new_one", Change.Kind.added),
                        org.assertj.core.groups.Tuple.tuple("tables/added/variables/a1", Change.Kind.added));
        assertThat(diff.codes())
                .extracting(Change::path, Change::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("lookups/sex/codes/F/label", Change.Kind.changed),
                        org.assertj.core.groups.Tuple.tuple("lookups/sex/codes/U", Change.Kind.removed),
                        org.assertj.core.groups.Tuple.tuple("lookups/sex/codes/M", Change.Kind.added));
        assertThat(diff.tables())
                .filteredOn(c -> c.kind() == Change.Kind.added)
                .singleElement()
                .satisfies(c -> assertThat(c.after().has("variables")).isFalse());
        assertThat(diff.size()).isEqualTo(10);
    }

    @Test
    void coverageIsMatchedByStartAndBasis() {
        DatasetDocument before = document("A", List.of(), List.of());
        DatasetDocument after = withCoverage(
                before,
                new CoverageDocument(
                        LocalDate.of(2011, 1, 1), LocalDate.of(2024, 3, 31), "case disposals", null, null));
        DocumentDiff diff = DocumentDiff.between(before, after);
        assertThat(diff.coverage()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("coverage/2011-01-01 case disposals/end");
            assertThat(c.before().asText()).isEqualTo("2023-03-31");
            assertThat(c.after().asText()).isEqualTo("2024-03-31");
        });
    }

    static VariableDocument variable(String name, String description) {
        return new VariableDocument(
                name, null, description, "string", null, null, false, null, null, "guide", "high", null);
    }

    static TableDocument table(String name, VariableDocument... variables) {
        return new TableDocument(name, "one row per thing", null, "guide", List.of(variables));
    }

    static LookupDocument lookup(String id, CodeDocument... codes) {
        return new LookupDocument(id, id, null, false, null, List.of(codes));
    }

    static DatasetDocument document(String title, List<TableDocument> tables, List<LookupDocument> lookups) {
        return withCoverage(
                new DatasetDocument(
                        "test",
                        title,
                        null,
                        null,
                        "d",
                        new DatasetDocument.Publisher("MoJ", null),
                        new DatasetDocument.Contact("Data First", "datafirst@justice.gov.uk"),
                        "Libra",
                        List.of("Libra"),
                        "England and Wales",
                        List.of(),
                        null,
                        null,
                        List.of("DAP"),
                        null,
                        List.of("ONS SRS"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "complete",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        tables,
                        lookups,
                        null,
                        null,
                        null),
                new CoverageDocument(
                        LocalDate.of(2011, 1, 1), LocalDate.of(2023, 3, 31), "case disposals", null, null));
    }

    static DatasetDocument withCoverage(DatasetDocument d, CoverageDocument coverage) {
        return new DatasetDocument(
                d.id(),
                d.title(),
                d.alternativeTitles(),
                d.identifiers(),
                d.description(),
                d.publisher(),
                d.contact(),
                d.source(),
                d.sourceSystems(),
                d.jurisdiction(),
                List.of(coverage),
                d.keyVariables(),
                d.researchAreas(),
                d.approvals(),
                d.approvalNotes(),
                d.whereHeld(),
                d.whereHeldNotes(),
                d.accessRoute(),
                d.linkageNotes(),
                d.limitations(),
                d.notes(),
                d.dictionaryCompleteness(),
                d.keywords(),
                d.accessRights(),
                d.firstReleased(),
                d.issued(),
                d.officialCatalogueFile(),
                d.catalogueEntries(),
                d.release(),
                d.sources(),
                d.tables(),
                d.lookups(),
                null,
                null,
                null);
    }
}
