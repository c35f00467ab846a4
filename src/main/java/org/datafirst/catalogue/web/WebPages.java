package org.datafirst.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.DataTable;
import org.datafirst.catalogue.catalogue.FilterOutcomes;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.SearchResult;
import org.datafirst.catalogue.dcat.RdfFormats;
import org.datafirst.catalogue.http.PageRequest;
import org.datafirst.catalogue.linkagequality.LinkMatrix;
import org.datafirst.catalogue.linkagequality.LinkageQualityService;
import org.datafirst.catalogue.web.Views.CoverageRow;
import org.datafirst.catalogue.web.Views.CoverageView;
import org.datafirst.catalogue.web.Views.DatasetView;
import org.datafirst.catalogue.web.Views.Group;
import org.datafirst.catalogue.web.Views.HomeView;
import org.datafirst.catalogue.web.Views.LookupView;
import org.datafirst.catalogue.web.Views.SearchView;
import org.datafirst.catalogue.web.Views.TableView;
import org.datafirst.catalogue.web.Views.VariableRow;
import org.datafirst.catalogue.web.Views.VariableView;

/** Reads what each page needs from the catalogue (few queries per page) and maps it to views. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebPages {

    /** Results of each kind on the overview; a kind's own page shows PAGE_SIZE. */
    static final int OVERVIEW_SIZE = 5;

    static final int PAGE_SIZE = 20;

    @Inject
    CatalogueService catalogue;

    @Inject
    LinkageQualityService linkageQuality;

    private List<Release> allReleases() {
        return catalogue.currentReleases();
    }

    public HomeView home() {
        List<Release> releases = allReleases();
        SearchForm everything = SearchForm.parse("", "", null, null, null, null, null, null, null);
        return new HomeView(
                releases.stream().map(r -> PageMapper.card(r, null)).toList(),
                PageMapper.facets(releases, catalogue.filterOutcomes(everything.datasetQuery(true)), everything),
                RdfFormats.catalogue());
    }

    public SearchView search(SearchForm form) {
        List<Release> releases = allReleases();
        FilterOutcomes outcomes = catalogue.filterOutcomes(form.datasetQuery(true));
        // Filters restrict every kind of result to the datasets they keep.
        Optional<List<String>> datasets =
                form.hasFilters() ? Optional.of(outcomes.datasetsKeptByFilters()) : Optional.empty();
        String kind = form.kind();
        List<Group> groups = new ArrayList<>();
        int page = form.page();
        PageRequest datasetPage = kind.equals("datasets") || !form.hasText()
                ? new PageRequest(page, PAGE_SIZE)
                : new PageRequest(1, OVERVIEW_SIZE);
        if (kind.isEmpty() || kind.equals("datasets")) {
            SearchResult<Release> found = catalogue.searchDatasets(form.datasetQuery(true), datasetPage);
            var highlights = form.hasText()
                    ? catalogue.datasetHighlights(
                            form.q(),
                            found.hits().stream().map(h -> h.item().id).toList())
                    : java.util.Map.<Long, String>of();
            groups.add(new Group(
                    "datasets",
                    "Datasets",
                    found.total(),
                    PageMapper.datasetResults(found, highlights),
                    form.href("datasets", 1)));
        }
        if (form.hasText()) {
            if (kind.isEmpty() || kind.equals("tables")) {
                var found = catalogue.searchTables(form.q(), datasets, request(kind, "tables", page));
                groups.add(new Group(
                        "tables", "Tables", found.total(), PageMapper.tableResults(found), form.href("tables", 1)));
            }
            if (kind.isEmpty() || kind.equals("variables")) {
                var found =
                        catalogue.searchVariables(Optional.of(form.q()), datasets, request(kind, "variables", page));
                groups.add(new Group(
                        "variables",
                        "Variables",
                        found.total(),
                        PageMapper.variableResults(found),
                        form.href("variables", 1)));
            }
            if (kind.isEmpty() || kind.equals("codes")) {
                var found = catalogue.searchCodes(form.q(), datasets, request(kind, "codes", page));
                groups.add(new Group(
                        "codes", "Code values", found.total(), PageMapper.codeResults(found), form.href("codes", 1)));
            }
        }
        long total = groups.stream().mapToLong(Group::total).sum();
        Pagination pagination = Pagination.of(1, 1, n -> "");
        int lastPage = 1;
        if (!kind.isEmpty() || !form.hasText()) {
            lastPage = Math.max(1, new PageRequest(1, PAGE_SIZE).totalPages(total));
            pagination = Pagination.of(page, lastPage, n -> form.href(kind, n));
        }
        String heading = form.hasText() ? "Search results for ‘" + form.q() + "’" : "All datasets";
        return new SearchView(
                form,
                PageMapper.facets(releases, outcomes, form),
                PageMapper.filterTags(form),
                groups,
                total,
                pagination,
                heading,
                lastPage,
                form.href(kind, lastPage));
    }

    private static PageRequest request(String kind, String own, int page) {
        return kind.equals(own) ? new PageRequest(page, PAGE_SIZE) : new PageRequest(1, OVERVIEW_SIZE);
    }

    public DatasetView dataset(String id, String baseUrl) {
        Release release = catalogue.currentRelease(id);
        List<DataTable> tables = catalogue.tablesWithVariables(release);
        List<Long> lookupIds = tables.stream()
                .flatMap(t -> t.variables.stream())
                .filter(v -> v.lookupVersion != null)
                .map(v -> v.lookupVersion.id)
                .distinct()
                .toList();
        var lookups = catalogue.lookupVersions(lookupIds);
        List<TableView> tableViews = tables.stream()
                .map(t -> new TableView(
                        t.name,
                        t.grain,
                        t.description,
                        t.variables.stream()
                                .map(v -> new VariableRow(
                                        v,
                                        v.lookupVersion == null ? null : lookups.get(v.lookupVersion.id),
                                        Links.variable(id, t.name, v.name)))
                                .toList()))
                .toList();
        LinkageQualityView quality = linkageQuality
                .latest(id)
                .map(r -> LinkageQualityView.of(r, release.title()))
                .orElse(null);
        return new DatasetView(
                release,
                PageMapper.datasetTimeline(release, LocalDate.now()),
                release.document.coverage(),
                AccessRoute.approvers(release.document.approvals()),
                AccessRoute.steps(release.document.approvals(), release.document.whereHeld()),
                tableViews,
                releaseRows(id, release, catalogue.publishedReleases(id)),
                Links.downloads(id, quality != null),
                Links.alternates(id),
                PageMapper.citation(release, baseUrl),
                quality,
                Links.applying(release.document.whereHeld()));
    }

    /** Newest first; each release links to its differences from the published release before it. */
    static List<Views.ReleaseRow> releaseRows(String id, Release current, List<Release> releases) {
        List<Views.ReleaseRow> rows = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            Release r = releases.get(i);
            String changes = i + 1 < releases.size() ? Links.changes(id, releases.get(i + 1).version, r.version) : null;
            rows.add(new Views.ReleaseRow(
                    r, r.version == current.version, Links.releaseDownloads(id, r.version), changes));
        }
        return rows;
    }

    public Views.ChangesView changes(String id, int from, int to) {
        return PageMapper.changes(
                catalogue.release(id, to), from, catalogue.diff(id, from, to), Links.changesJson(id, from, to));
    }

    public VariableView variable(String id, String table, String name) {
        CatalogueService.VariableRead read = catalogue.variable(id, table, name);
        return new VariableView(
                read.release(),
                read.table().name,
                read.table().grain,
                read.variable(),
                read.lookup(),
                read.lookupUses(),
                catalogue.variablesNamed(name));
    }

    public LookupView lookup(String id) {
        CatalogueService.LookupRead read = catalogue.lookup(id);
        return new LookupView(read.lookup(), read.uses());
    }

    public CoverageView coverage() {
        List<Release> releases = allReleases().stream()
                .sorted(java.util.Comparator.comparing(
                                (Release r) -> r.document.coverage().isEmpty()
                                        ? LocalDate.MAX
                                        : r.document.coverage().get(0).start())
                        .thenComparing(r -> r.title()))
                .toList();
        List<CoverageRow> rows = new ArrayList<>();
        releases.forEach(r -> r.document.coverage().forEach(c -> rows.add(new CoverageRow(r.datasetId, r.title(), c))));
        return new CoverageView(PageMapper.catalogueTimeline(releases, LocalDate.now()), rows);
    }

    /** Which datasets link to which, from the newest report of each dataset. */
    public LinkedDatasetsView linkedDatasets() {
        return LinkedDatasetsView.of(LinkMatrix.of(linkageQuality.newestOfEachDataset()));
    }
}
