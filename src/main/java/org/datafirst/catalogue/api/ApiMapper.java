package org.datafirst.catalogue.api;

import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.DataTable;
import org.datafirst.catalogue.catalogue.LookupCode;
import org.datafirst.catalogue.catalogue.LookupUse;
import org.datafirst.catalogue.catalogue.LookupVersion;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.TableWithCount;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.catalogue.VariableMatch;
import org.datafirst.catalogue.catalogue.diff.Change;
import org.datafirst.catalogue.catalogue.diff.DocumentDiff;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument.LookupSource;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.spreadsheet.DictionaryImporter;
import org.datafirst.catalogue.spreadsheet.DictionarySheets;
import org.datafirst.catalogue.synthetic.SyntheticData;
import org.datafirst.catalogue.synthetic.SyntheticFormat;

/** Entity → DTO mapping: pure functions, no queries of their own. */
public final class ApiMapper {

    private static final Routes ROUTES = Routes.RELATIVE;

    private ApiMapper() {}

    public static DatasetSummary summary(Release r, Double score) {
        DatasetDocument d = r.document;
        return new DatasetSummary(
                r.datasetId,
                d.title(),
                d.description(),
                d.jurisdiction(),
                d.sourceSystems(),
                d.approvals(),
                d.whereHeld(),
                coverage(d.coverage()),
                release(r),
                score,
                ROUTES.datasetJson(r.datasetId));
    }

    /** The dictionary and synthetic-data downloads of a release; {@code current} links the current-release URLs. */
    public static List<DownloadLink> downloads(Release r, boolean current) {
        Integer version = current ? null : r.version;
        List<DownloadLink> links = new java.util.ArrayList<>();
        for (DownloadFormat format : List.of(DownloadFormat.XLSX, DownloadFormat.ODS)) {
            links.add(DownloadLink.dictionary(
                    format.extension(), null, format.mediaType(), ROUTES.download(r.datasetId, version, format, null)));
        }
        DictionarySheets.CSV_NAMES.keySet().stream()
                .sorted()
                .forEach(sheet -> links.add(DownloadLink.dictionary(
                        "csv",
                        sheet,
                        DownloadFormat.CSV.contentType(),
                        ROUTES.download(r.datasetId, version, DownloadFormat.CSV, sheet))));
        List<String> tables = SyntheticData.tables(r.document);
        if (!tables.isEmpty()) {
            links.add(new DownloadLink(
                    "zip",
                    null,
                    SyntheticFormat.ZIP.mediaType(),
                    ROUTES.synthetic(r.datasetId, version, null, null),
                    null,
                    true));
        }
        for (String table : tables) {
            for (SyntheticFormat format : List.of(SyntheticFormat.CSV, SyntheticFormat.PARQUET)) {
                links.add(new DownloadLink(
                        format.extension(),
                        null,
                        format.contentType(),
                        ROUTES.synthetic(r.datasetId, version, table, format.extension()),
                        table,
                        true));
            }
        }
        return links;
    }

    public static ImportResult imported(DictionaryImporter.Outcome outcome) {
        List<ImportResult.ChangeDto> changes = new java.util.ArrayList<>();
        DocumentDiff diff = outcome.diff();
        java.util.Map<String, List<Change>> sections = new java.util.LinkedHashMap<>();
        sections.put("dataset", diff.dataset());
        sections.put("coverage", diff.coverage());
        sections.put("tables", diff.tables());
        sections.put("variables", diff.variables());
        sections.put("lookups", diff.lookups());
        sections.put("codes", diff.codes());
        sections.forEach((section, list) -> list.forEach(c -> changes.add(
                new ImportResult.ChangeDto(section, c.path(), c.kind().name(), c.before(), c.after()))));
        return new ImportResult(
                outcome.datasetId(),
                outcome.layout().name(),
                outcome.dryRun(),
                outcome.baseVersion(),
                outcome.version(),
                changes.size(),
                changes,
                outcome.version() == null ? null : ROUTES.releaseJson(outcome.datasetId(), outcome.version()));
    }

    public static DatasetDetail detail(Release r, List<TableWithCount> tables) {
        return detail(r, tables, true);
    }

    public static DatasetDetail detail(Release r, List<TableWithCount> tables, boolean current) {
        DatasetDocument d = r.document;
        return new DatasetDetail(
                r.datasetId,
                d.title(),
                d.alternativeTitles(),
                d.description(),
                new DatasetDetail.Organisation(
                        d.publisher().name(), d.publisher().url(), null),
                new DatasetDetail.Organisation(
                        d.contact().name(), null, d.contact().email()),
                d.source(),
                d.sourceSystems(),
                d.jurisdiction(),
                coverage(d.coverage()),
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
                d.officialCatalogueFile(),
                d.catalogueEntries().stream()
                        .map(e -> new DatasetDetail.CatalogueEntryDto(e.catalogue(), e.identifier(), e.url()))
                        .toList(),
                d.sources().stream()
                        .map(s ->
                                new SourceDto(s.id(), s.title(), s.url(), s.repo(), s.path(), s.commit(), s.licence()))
                        .toList(),
                release(r),
                tables(r.datasetId, tables),
                downloads(r, current));
    }

    public static List<TableSummary> tables(String dataset, List<TableWithCount> tables) {
        return tables.stream()
                .map(t -> new TableSummary(
                        t.table().name,
                        t.table().grain,
                        t.table().description,
                        t.variableCount(),
                        ROUTES.tableJson(dataset, t.table().name)))
                .toList();
    }

    public static ReleaseSummary release(Release r) {
        return new ReleaseSummary(
                r.version, r.label(), r.status, r.issued, r.createdAt, r.changeNotes(), r.contentHash, r.origin);
    }

    public static List<CoverageDto> coverage(List<CoverageDocument> periods) {
        return periods.stream()
                .map(c -> new CoverageDto(c.start(), c.end(), c.basis(), c.linkableUntil(), c.notes()))
                .toList();
    }

    public static TableDetail table(Release release, DataTable t) {
        List<VariableSummary> variables = t.variables.stream()
                .map(v -> new VariableSummary(
                        v.name,
                        v.label,
                        v.description,
                        v.dataType,
                        v.format,
                        v.sensitive,
                        v.identifierRole,
                        v.lookupVersion == null ? null : v.lookupVersion.lookupId,
                        ROUTES.variableJson(release.datasetId, t.name, v.name)))
                .toList();
        return new TableDetail(
                release.datasetId, release.version, t.name, t.grain, t.description, t.sourceRef, variables);
    }

    public static VariableDetail variable(CatalogueService.VariableRead read) {
        Release release = read.release();
        DataTable t = read.table();
        Variable v = read.variable();
        LookupDetail lookup = read.lookup() == null ? null : lookup(read.lookup(), read.lookupUses(), true);
        return new VariableDetail(
                release.datasetId,
                release.version,
                t.name,
                v.name,
                v.label,
                v.description,
                v.dataType,
                v.format,
                v.qualityNotes,
                v.sensitive,
                v.identifierRole,
                v.sourceRef,
                v.confidence,
                v.evidence,
                lookup);
    }

    public static VariableHit hit(VariableMatch match, Double score) {
        Variable v = match.variable();
        Release r = v.table.release;
        List<CodeDto> codes = match.matchedCodes().isEmpty() ? null : codes(match.matchedCodes());
        return new VariableHit(
                r.datasetId,
                r.title(),
                v.table.name,
                v.name,
                v.label,
                v.description,
                v.dataType,
                v.lookupVersion == null ? null : v.lookupVersion.lookupId,
                codes,
                score,
                ROUTES.variableJson(r.datasetId, v.table.name, v.name));
    }

    /**
     * @param withCodes include the codes (detail) or only their count (lists)
     */
    public static LookupDetail lookup(LookupVersion lv, List<LookupUse> uses, boolean withCodes) {
        List<VariableRef> usedBy = uses.stream()
                .filter(u -> u.lookupId().equals(lv.lookupId))
                .map(u -> new VariableRef(
                        u.datasetId(),
                        u.tableName(),
                        u.variableName(),
                        ROUTES.variableJson(u.datasetId(), u.tableName(), u.variableName())))
                .toList();
        return new LookupDetail(
                lv.lookupId,
                lv.title,
                lv.description,
                lv.complete,
                lv.codes.size(),
                source(lv.source),
                withCodes ? codes(lv.codes) : null,
                usedBy,
                ROUTES.lookupJson(lv.lookupId));
    }

    private static LookupDetail.LookupSourceDto source(LookupSource s) {
        return s == null
                ? null
                : new LookupDetail.LookupSourceDto(
                        s.title(), s.url(), s.repo(), s.path(), s.commit(), s.licence(), s.howObserved());
    }

    private static List<CodeDto> codes(List<LookupCode> codes) {
        return codes.stream()
                .map(c -> new CodeDto(c.code, c.label, c.description))
                .toList();
    }
}
