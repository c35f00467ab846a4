package org.datafirst.catalogue.web;

import java.util.List;
import org.datafirst.catalogue.catalogue.LookupCode;
import org.datafirst.catalogue.catalogue.LookupUse;
import org.datafirst.catalogue.catalogue.LookupVersion;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.catalogue.VariablePlace;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.dcat.RdfFormats;
import org.datafirst.catalogue.synthetic.SyntheticData;

/** What each page shows: plain records built by {@link PageMapper}, rendered by the Qute templates. */
public final class Views {

    private Views() {}

    /** A dataset as listed on the home and search pages. */
    public record DatasetCard(
            String id,
            String title,
            String descriptionHtml,
            String jurisdiction,
            String whereHeld,
            String approvals,
            String coverage,
            String href) {}

    /** One checkbox of a facet, with how many current datasets it keeps. */
    public record Option(String value, boolean checked, long count) {}

    /** A facet: query parameter, legend and options. */
    public record Facet(String parameter, String legend, List<Option> options) {
        public String id(int index) {
            return parameter + "-" + index;
        }
    }

    /** A selected filter with the link that removes it. */
    public record FilterTag(String label, String removeHref) {}

    /**
     * One result, whatever its kind: a heading link, a context line, highlighted text and, for a
     * variable, what adds it to the variable list (null otherwise).
     */
    public record Result(String title, String href, String context, String highlightHtml, VariableList.Entry add) {
        public Result(String title, String href, String context, String highlightHtml) {
            this(title, href, context, highlightHtml, null);
        }
    }

    /** Results of one kind: the shown ones, the total and a link to all of them. */
    public record Group(String kind, String heading, long total, List<Result> results, String allHref) {
        public boolean more() {
            return total > results.size();
        }

        public String lower() {
            return heading.toLowerCase(java.util.Locale.UK);
        }
    }

    /** The home page: every dataset, the facets, and the catalogue's RDF advertised in the head. */
    public record HomeView(List<DatasetCard> datasets, List<Facet> facets, List<RdfFormats.Alternate> alternates) {}

    public record SearchView(
            SearchForm form,
            List<Facet> facets,
            List<FilterTag> filters,
            List<Group> groups,
            long total,
            Pagination pagination,
            String heading,
            int lastPage,
            String lastPageHref) {
        public boolean noResults() {
            return total == 0;
        }

        /** A page after the last one: says so instead of showing empty groups. */
        public boolean pastEnd() {
            return total > 0 && form.page() > lastPage;
        }

        /** The coverage years as typed (kept when they are wrong, so they can be corrected). */
        public List<YearField> yearFields() {
            return List.of(
                    new YearField("coverageFrom", "From year", form.typedFrom()),
                    new YearField("coverageTo", "To year", form.typedTo()));
        }
    }

    public record YearField(String id, String label, String value) {}

    public record VariableRow(Variable variable, LookupVersion lookup, String href) {
        public List<LookupCode> codes() {
            return lookup == null ? List.of() : lookup.codes;
        }
    }

    public record TableView(String name, String grain, String description, List<VariableRow> variables) {}

    /** linkageQuality is null until the dataset has a linkage-quality report. */
    public record DatasetView(
            Release release,
            String coverageSvg,
            List<CoverageDocument> coverage,
            List<AccessRoute.Approver> approvers,
            List<AccessRoute.Step> steps,
            List<TableView> tables,
            List<ReleaseRow> releases,
            List<Links.Download> downloads,
            List<RdfFormats.Alternate> alternates,
            String citation,
            LinkageQualityView linkageQuality,
            List<Links.External> applying) {
        public long variableCount() {
            return tables.stream().mapToLong(t -> t.variables().size()).sum();
        }

        /** Synthetic data of the current release (empty when no table has published variables). */
        public List<Links.Download> synthetic() {
            return Links.synthetic(release.datasetId, release.document);
        }

        public String syntheticStatement() {
            return SyntheticData.STATEMENT;
        }

        /** The figures of the linkage-quality section as CSV. */
        public String linkageQualityCsv() {
            return Links.linkageQualityCsv(release.datasetId);
        }
    }

    /** A release in the history, with its own downloads and the changes from the release before (null for the first). */
    public record ReleaseRow(Release release, boolean current, List<Links.Download> downloads, String changesHref) {}

    /** A variable, its lookup (with codes) and where the lookup and the name are used. */
    public record VariableView(
            Release release,
            String table,
            String tableGrain,
            Variable variable,
            LookupVersion lookup,
            List<LookupUse> lookupUses,
            List<VariablePlace> sameName) {}

    public record LookupView(LookupVersion lookup, List<LookupUse> uses) {}

    public record CoverageRow(String id, String title, CoverageDocument period) {}

    public record CoverageView(String svg, List<CoverageRow> rows) {}

    /** One difference between two releases, as text. */
    public record ChangeRow(String what, String kind, String before, String after) {}

    public record ChangeGroup(String id, String heading, List<ChangeRow> rows) {}

    /** The differences between release {@code from} and {@code release}, by part of the dictionary. */
    public record ChangesView(Release release, int from, List<ChangeGroup> groups, String jsonHref) {
        public boolean none() {
            return groups.stream().allMatch(g -> g.rows().isEmpty());
        }
    }
}
