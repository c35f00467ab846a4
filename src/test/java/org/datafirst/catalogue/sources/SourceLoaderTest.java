package org.datafirst.catalogue.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.catalogue.ReleaseWriter;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.sources.LoadOutcome.Status;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class SourceLoaderTest {

    @Inject
    SourceLoader loader;

    @Inject
    ReleaseQueries catalogue;

    @Inject
    EntityManager em;

    @Inject
    ReleaseDocuments documents;

    @Inject
    ReleaseWriter writer;

    @TempDir
    Path root;

    @Test
    void realSourcesLoadOnceThenAnEditMakesExactlyOneReleaseAndABreakKeepsTheLastGoodOne() {
        SourceFiles.copyTree(Path.of("catalogue-sources"), root);

        // Given the real catalogue loaded once
        Map<String, LoadOutcome> first = byFile(loader.load(root));
        assertThat(first.values()).extracting(LoadOutcome::status).containsOnly(Status.RELEASED);
        assertThat(first).hasSize(9);

        // When loaded again unchanged, nothing changes
        assertThat(loader.load(root)).extracting(LoadOutcome::status).containsOnly(Status.UNCHANGED);
        int releasesBefore = releaseCount();

        // When one file is edited, exactly that dataset gets one new release
        Path probation = root.resolve("datasets/probation.yaml");
        SourceFiles.replace(
                probation,
                "title: MoJ Data First probation dataset",
                "title: MoJ Data First probation dataset (edited)");
        Map<String, LoadOutcome> edited = byFile(loader.load(root));
        assertThat(edited.get("datasets/probation.yaml").status()).isEqualTo(Status.RELEASED);
        assertThat(edited.get("datasets/probation.yaml").version()).isEqualTo(2);
        assertThat(edited.values())
                .filteredOn(o -> o.status() == Status.RELEASED)
                .hasSize(1);
        assertThat(releaseCount()).isEqualTo(releasesBefore + 1);
        assertThat(catalogue.currentRelease("probation").title()).endsWith("(edited)");
        assertThat(catalogue.release("probation", 1).title()).doesNotEndWith("(edited)");

        // When that file is broken, it is rejected with file and field, and release 2 stays current
        SourceFiles.replace(probation, "type: date", "type: dayte");
        Map<String, LoadOutcome> broken = byFile(loader.load(root));
        LoadOutcome rejected = broken.get("datasets/probation.yaml");
        assertThat(rejected.status()).isEqualTo(Status.REJECTED);
        assertThat(rejected.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.location()).isEqualTo("datasets/probation.yaml");
            assertThat(error.pointer()).matches("/tables/\\d+/variables/\\d+/type");
        });
        assertThat(broken.values())
                .filteredOn(o -> o.status() == Status.UNCHANGED)
                .hasSize(8);
        assertThat(releaseCount()).isEqualTo(releasesBefore + 1);
        assertThat(catalogue.currentRelease("probation").version).isEqualTo(2);

        // A release turned back into its document and published again is the same content
        for (LoadOutcome outcome : first.values()) {
            Release current = catalogue.currentRelease(outcome.datasetId());
            DatasetDocument document = documents.document(current);
            Map<String, LookupDocument> lookups =
                    document.lookups().stream().collect(Collectors.toMap(LookupDocument::id, Function.identity()));
            assertThat(writer.publish(document, lookups, "test"))
                    .as(outcome.datasetId())
                    .isEmpty();
        }
    }

    @Test
    void aChangedSharedLookupReleasesTheDatasetsThatUseIt() {
        SourceFiles.write(root, "lookups/shared-sex-a.yaml", """
                id: shared-sex-a
                title: Sex
                codes: [{code: F, label: Female}]
                """);
        String dataset = SourceFiles.dataset("lookup-user-a").replace("lookup: test-sex", "lookup: shared-sex-a");
        SourceFiles.write(root, "datasets/lookup-user-a.yaml", dataset);
        assertThat(loader.load(root)).extracting(LoadOutcome::status).containsOnly(Status.RELEASED);

        SourceFiles.write(root, "lookups/shared-sex-a.yaml", """
                id: shared-sex-a
                title: Sex
                codes: [{code: F, label: Female}, {code: M, label: Male}]
                """);
        List<LoadOutcome> outcomes = loader.load(root);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.RELEASED);
            assertThat(o.version()).isEqualTo(2);
        });
    }

    @Test
    void oneBadFileDoesNotStopTheOthersAndWritesNothing() {
        SourceFiles.write(root, "datasets/good-one.yaml", SourceFiles.dataset("good-one"));
        SourceFiles.write(
                root,
                "datasets/bad-one.yaml",
                SourceFiles.dataset("bad-one").replace("    grain: one row per case\n", ""));
        Map<String, LoadOutcome> outcomes = byFile(loader.load(root));
        assertThat(outcomes.get("datasets/good-one.yaml").status()).isEqualTo(Status.RELEASED);
        assertThat(outcomes.get("datasets/bad-one.yaml").status()).isEqualTo(Status.REJECTED);
        assertThat(outcomes.get("datasets/bad-one.yaml").errors()).anySatisfy(e -> {
            assertThat(e.pointer()).isEqualTo("/tables/0");
            assertThat(e.message()).contains("grain");
        });
        assertThat(em.createQuery("select count(r) from Release r where r.datasetId = 'bad-one'", Long.class)
                        .getSingleResult())
                .isZero();
    }

    @Test
    void everyKindOfBadFileIsLocated() {
        String good = SourceFiles.dataset("bad-kinds");
        assertRejected(good.replace("id: bad-kinds", "id: other-name"), "/id", "file name");
        assertRejected(
                good.replace(
                        "type: string, source: guide, confidence: high, identifierRole",
                        "type: interger, source: guide, confidence: high, identifierRole"),
                "/tables/0/variables/0/type",
                "");
        assertRejected(good.replace("name: sex", "name: case_id_hash"), "/tables/0/variables/1/name", "duplicate");
        assertRejected(good.replace("lookup: test-sex", "lookup: nowhere"), "/tables/0/variables/1/lookup", "nowhere");
        assertRejected(
                good.replace("source: guide, confidence: high, lookup", "source: elsewhere, confidence: high, lookup"),
                "/tables/0/variables/1/source",
                "elsewhere");
        assertRejected(good.replace("end: \"2023-03-31\"", "end: \"2010-03-31\""), "/coverage/0/end", "before");
        assertRejected(good.replace("end: \"2023-03-31\"", "end: \"2023-02-30\""), "/coverage/0/end", "");
        assertRejected(
                good.replace("{code: M, label: Male}", "{code: F, label: Male}"),
                "/lookups/0/codes/1/code",
                "duplicate");
        assertRejected(good + "surprise: field\n", "", "surprise");
        assertRejected("id: [unclosed", "", "line");
        assertRejected("", "", "empty");
    }

    private void assertRejected(String content, String pointer, String messagePart) {
        Path folder = root.resolve("case-" + System.nanoTime());
        SourceFiles.write(folder, "datasets/bad-kinds.yaml", content);
        List<LoadOutcome> outcomes = loader.load(folder);
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).as(content).isEqualTo(Status.REJECTED);
            assertThat(outcome.errors()).as("errors of %s", outcome.errors()).anySatisfy(error -> {
                assertThat(error.location()).isEqualTo("datasets/bad-kinds.yaml");
                assertThat(error.pointer()).isEqualTo(pointer);
                assertThat(error.message().toLowerCase()).contains(messagePart.toLowerCase());
            });
        });
        assertThat(em.createQuery("select count(r) from Release r where r.datasetId = 'bad-kinds'", Long.class)
                        .getSingleResult())
                .isZero();
    }

    private int releaseCount() {
        return em.createQuery("select count(r) from Release r", Long.class)
                .getSingleResult()
                .intValue();
    }

    private static Map<String, LoadOutcome> byFile(List<LoadOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(LoadOutcome::file, Function.identity()));
    }
}
