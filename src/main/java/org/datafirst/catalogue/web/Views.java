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

    /** One checkbox of a facet. */
    public record Option(String value, boolean checked) {}

    /** A facet: query parameter, legend and options. */
    public record Facet(String parameter, String legend, List<Option> options) {
        public String id(int index) {
            return parameter + "-" + index;
        }
    }

    /** A selected filter with the link that removes it. */
    public record FilterTag(String label, String removeHref) {}

    /** One result, whatever its kind: a heading link, a context line and highlighted text. */
    public record Result(String title, String href, String context, String highlightHtml) {}

    /** Results of one kind: the shown ones, the total and a link to all of them. */
    public record Group(String kind, String heading, long total, List<Result> results, String allHref) {
        public boolean more() {
            return total > results.size();
        }

        public String lower() {
            return heading.toLowerCase(java.util.Locale.UK);
        }
    }

    public record HomeView(List<DatasetCard> datasets, List<Facet> facets) {}

    public record SearchView(
            SearchForm form,
            List<Facet> facets,
            List<FilterTag> filters,
            List<Group> groups,
            long total,
            Pagination pagination,
            String heading) {
        public boolean noResults() {
            return total == 0;
        }
    }

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
            LinkageQualityView linkageQuality) {
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
}
