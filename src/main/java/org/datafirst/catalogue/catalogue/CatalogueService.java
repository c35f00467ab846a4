package org.datafirst.catalogue.catalogue;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.diff.DocumentDiff;
import org.datafirst.catalogue.http.PageRequest;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.security.Roles;

/**
 * The read side that the REST API, the website and the downloads share. It decides, once each,
 * which release is current, who may see drafts (curators only: 401 without a token, 403 without
 * the role), and how a change-feed position is read. Results are entities and records; each caller
 * maps them to its own representation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueService {

    @Inject
    ReleaseQueries releases;

    @Inject
    LookupQueries lookups;

    @Inject
    CatalogueSearch search;

    @Inject
    ChangeQueries changes;

    @Inject
    CurrentReleases currentReleases;

    @Inject
    ReleaseDocuments documents;

    @Inject
    SecurityIdentity identity;

    /** A stamp that changes whenever what the public sees can change; caches of rendered pages key on it. */
    public String contentStamp() {
        return currentReleases.stamp();
    }

    // Datasets and releases

    public SearchResult<Release> searchDatasets(DatasetQuery query, PageRequest page) {
        return search.datasets(query, page);
    }

    /** What a dataset search decides for every current release, for facet counts and filters on other kinds. */
    public FilterOutcomes filterOutcomes(DatasetQuery query) {
        return search.filterOutcomes(query);
    }

    /** Every dataset's current release with its coverage, by title. */
    public List<Release> currentReleases() {
        return releases.currentReleases();
    }

    /** The id of a dataset's current release (representations of it are cached by this id). */
    public long currentReleaseId(String datasetId) {
        return releases.currentReleaseId(datasetId);
    }

    public Release currentRelease(String datasetId) {
        return releases.currentRelease(datasetId);
    }

    public Release release(long releaseId) {
        return releases.release(releaseId);
    }

    /** Any release by number; a draft only for a curator. */
    public Release release(String datasetId, int version) {
        return visible(releases.release(datasetId, version));
    }

    /** A release by number, or the current one when {@code version} is null; a draft only for a curator. */
    public Release releaseOrCurrent(String datasetId, Integer version) {
        return version == null ? currentRelease(datasetId) : release(datasetId, version.intValue());
    }

    /** A dataset's published releases, newest first. */
    public List<Release> publishedReleases(String datasetId) {
        return releases.releases(datasetId);
    }

    /** A dataset's releases with this status, newest first; drafts only for a curator. */
    public List<Release> releases(String datasetId, ReleaseStatus status) {
        if (status.includesDrafts()) {
            requireCurator();
        }
        return releases.releases(datasetId, status.statuses());
    }

    /** The dataset's entity tag (see {@link ReleaseQueries#datasetTag}). */
    public String datasetTag(String datasetId) {
        return releases.datasetTag(datasetId).orElseThrow(() -> new NotFoundException("dataset", datasetId));
    }

    /** The differences between two releases of a dataset; drafts only for a curator. */
    public DocumentDiff diff(String datasetId, int from, int to) {
        Release before = release(datasetId, from);
        Release after = release(datasetId, to);
        return DocumentDiff.between(documents.document(before), documents.document(after));
    }

    private Release visible(Release release) {
        if (!Release.PUBLISHED.equals(release.status)) {
            requireCurator();
        }
        return release;
    }

    private void requireCurator() {
        Roles.requireCurator(identity);
    }

    // Tables and variables

    /** A release's tables in order, each with its number of variables. */
    public List<TableWithCount> tables(Release release) {
        return releases.tables(release);
    }

    /** Every table of a release in order, with its variables and their lookup versions. */
    public List<DataTable> tablesWithVariables(Release release) {
        return releases.tablesWithVariables(release);
    }

    public DataTable table(Release release, String tableName) {
        return releases.table(release, tableName);
    }

    /** A variable of a dataset's current release, with its lookup's codes and where that lookup is used. */
    public VariableRead variable(String datasetId, String tableName, String variableName) {
        Release release = currentRelease(datasetId);
        DataTable table = releases.table(release, tableName);
        Variable variable = releases.variable(table, variableName);
        if (variable.lookupVersion == null) {
            return new VariableRead(release, table, variable, null, List.of());
        }
        LookupVersion lookup = lookups.lookupVersionWithCodes(variable.lookupVersion.id);
        return new VariableRead(release, table, variable, lookup, lookups.lookupUses(lookup.lookupId));
    }

    /** A variable as read, with its lookup (null when it has none) and the uses of that lookup. */
    public record VariableRead(
            Release release, DataTable table, Variable variable, LookupVersion lookup, List<LookupUse> lookupUses) {}

    public SearchResult<VariableMatch> searchVariables(
            Optional<String> text, Optional<List<String>> datasets, PageRequest page) {
        return search.variables(text, datasets, page);
    }

    public SearchResult<TableHit> searchTables(String text, Optional<List<String>> datasets, PageRequest page) {
        return search.tables(text, datasets, page);
    }

    public SearchResult<CodeHit> searchCodes(String text, Optional<List<String>> datasets, PageRequest page) {
        return search.codes(text, datasets, page);
    }

    /** Highlighted descriptions of the given releases (for dataset hits), by release id. */
    public java.util.Map<Long, String> datasetHighlights(String text, List<Long> releaseIds) {
        return search.datasetHighlights(text, releaseIds);
    }

    /** Variables of current releases with exactly this name. */
    public List<VariablePlace> variablesNamed(String name) {
        return search.variablesNamed(name);
    }

    // Lookups

    /** Lookup versions by id with their codes. */
    public java.util.Map<Long, LookupVersion> lookupVersions(List<Long> ids) {
        return lookups.lookupVersions(ids);
    }

    /** Every lookup used by a current release (its newest version), with all the uses. */
    public LookupList lookups() {
        List<LookupUse> uses = lookups.lookupUses();
        return new LookupList(lookups.currentLookupVersions(uses), uses);
    }

    public record LookupList(List<LookupVersion> lookups, List<LookupUse> uses) {}

    /** The version of a lookup that current releases use, with its codes and uses. */
    public LookupRead lookup(String lookupId) {
        List<LookupUse> uses = lookups.lookupUses(lookupId);
        LookupVersion lookup =
                lookups.currentLookupVersion(uses).orElseThrow(() -> new NotFoundException("lookup", lookupId));
        return new LookupRead(lookup, uses);
    }

    public record LookupRead(LookupVersion lookup, List<LookupUse> uses) {}

    // The change feed

    /**
     * Release publications after a position, oldest first. {@code since} is a cursor (the
     * {@code nextCursor} of an earlier answer), an ISO 8601 date or date-time, or absent for the
     * beginning. The next cursor resumes after the last entry; with nothing after an instant,
     * everything published so far lies before it, so it resumes from the newest publication.
     */
    public Changes changes(String since, int limit) {
        String position = since == null || since.isBlank() ? "0" : since.trim();
        boolean cursor = position.matches("\\d{1,18}");
        List<ReleasePublication> found = cursor
                ? changes.publicationsAfter(Long.parseLong(position), limit)
                : changes.publicationsSince(
                        QueryParameters.instant("since", position).orElseThrow(), limit);
        String next = !found.isEmpty()
                ? String.valueOf(found.get(found.size() - 1).seq)
                : cursor ? position : String.valueOf(changes.latestPublication());
        return new Changes(found, next, found.size() == limit);
    }

    public record Changes(List<ReleasePublication> publications, String nextCursor, boolean more) {}
}
