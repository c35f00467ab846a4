package org.datafirst.catalogue.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseDocuments;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.catalogue.diff.DocumentDiff;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.curation.CurationService;
import org.datafirst.catalogue.curation.Precondition;
import org.datafirst.catalogue.curation.WriteOutcome;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Imports an XLSX or ODS dictionary into a new release of a dataset. The whole workbook is read
 * and checked first (upload guard, cells, JSON Schema, document rules); any error stops the import
 * with every error located at its cell, and nothing is written. A preview stops after the checks
 * and returns the difference the import would make; an import writes through the curators' write
 * path (lock, If-Match precondition, audit).
 */
@ApplicationScoped
public class DictionaryImporter {

    /** Which layout a workbook was read as. */
    public enum Layout {
        catalogue,
        moj
    }

    /**
     * What an import did or would do.
     *
     * @param baseVersion the release compared against (null for a new dataset)
     * @param version the release made (null for a dry run or when nothing changed)
     */
    public record Outcome(
            String datasetId, Layout layout, Integer baseVersion, Integer version, boolean dryRun, DocumentDiff diff) {}

    @Inject
    CatalogueConfig config;

    @Inject
    ReleaseQueries catalogue;

    @Inject
    ReleaseDocuments documents;

    @Inject
    CurationService curation;

    /**
     * Reads and checks a workbook and returns the changes its import would make; writes nothing.
     * Reading stops early once {@code abandoned} is true (the client has gone).
     */
    @Transactional
    public Outcome preview(String datasetId, byte[] upload, String fileName, BooleanSupplier abandoned) {
        Read read = read(datasetId, upload, fileName, abandoned);
        return new Outcome(datasetId, read.layout(), read.baseVersion(), null, true, read.diff());
    }

    /**
     * Reads and checks a workbook, then makes it a new release of the dataset (unless nothing
     * changed) through the curators' write path: release lock, precondition, document rules, audit.
     */
    @Transactional
    public Written importWorkbook(
            String datasetId, byte[] upload, String fileName, Precondition precondition, String actor) {
        Read read = read(datasetId, upload, fileName, () -> false);
        WriteOutcome outcome =
                curation.replace(read.document(), "upload: " + read.file(), precondition, Release.PUBLISHED, actor);
        Integer version = outcome.created() ? outcome.release().version : null;
        return new Written(
                new Outcome(datasetId, read.layout(), read.baseVersion(), version, false, read.diff()), outcome.tag());
    }

    /** An import made: what changed, and the dataset's new entity tag for the next If-Match. */
    public record Written(Outcome outcome, String tag) {}

    private record Read(String file, Layout layout, DatasetDocument document, Integer baseVersion, DocumentDiff diff) {}

    /** Everything before a write: the upload guard, the cells, the JSON Schema, the rules, the diff. */
    private Read read(String datasetId, byte[] upload, String fileName, BooleanSupplier abandoned) {
        String file = fileName == null || fileName.isBlank() ? "upload" : fileName;
        SheetContent.Workbook workbook =
                WorkbookReader.read(upload, file, UploadGuard.Limits.of(config.spreadsheets()), abandoned);
        // Compared with the published release: previews are public and must not reveal drafts.
        Optional<Release> base = current(datasetId);
        DatasetDocument baseDocument = base.map(documents::document).orElse(null);

        Layout layout;
        DictionaryLayoutReader.Result read;
        if (MojLayoutReader.recognises(workbook)) {
            if (baseDocument == null) {
                throw new NotFoundException("dataset", datasetId);
            }
            layout = Layout.moj;
            read = MojLayoutReader.read(workbook, baseDocument, file);
        } else if (DictionaryLayoutReader.recognises(workbook)) {
            layout = Layout.catalogue;
            read = DictionaryLayoutReader.read(workbook, file);
        } else {
            List<ProblemError> errors = new ArrayList<>(workbook.problems());
            errors.add(ProblemError.at(
                    file,
                    "the workbook has neither a 'Variables' sheet (our layout) nor a "
                            + "'data_dictionary' sheet (MoJ's layout); its sheets are "
                            + workbook.sheets().stream().map(SheetContent::name).toList()));
            throw new InvalidSpreadsheetException(file, errors);
        }
        List<ProblemError> errors = new ArrayList<>(workbook.problems());
        errors.addAll(read.errors());
        JsonNode id = read.tree().get("id");
        if (id != null && !id.asText().equals(datasetId)) {
            errors.add(read.locations()
                    .locate("/id", "the workbook is for dataset '" + id.asText() + "', not '" + datasetId + "'"));
        }
        DatasetDocument document = SheetDocuments.check(read.tree(), read.locations(), errors, file);
        DocumentDiff diff =
                DocumentDiff.between(baseDocument == null ? DatasetDocument.empty() : baseDocument, document);
        return new Read(file, layout, document, base.map(r -> r.version).orElse(null), diff);
    }

    private Optional<Release> current(String datasetId) {
        try {
            return Optional.of(catalogue.currentRelease(datasetId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
