package org.datafirst.catalogue.linkagequality;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.audit.AuditLog;
import org.datafirst.catalogue.catalogue.ContentHash;
import org.datafirst.catalogue.catalogue.CurrentReleases;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;
import org.datafirst.catalogue.catalogue.LinkageQualityReports;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.ReleaseQueries;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.InvalidReportException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.problem.ProblemType;
import org.datafirst.catalogue.sources.DocumentParser;
import org.datafirst.catalogue.validation.JsonSchemas;

/**
 * Receives the linkage module's quality reports: schema check, disclosure control again, then one
 * immutable stored report attached to the dataset's current release, with a row per source dataset
 * and role, audited in the same transaction.
 */
@ApplicationScoped
public class LinkageQualityService {

    static final String BODY = "body";

    @Inject
    EntityManager em;

    @Inject
    ReleaseQueries catalogue;

    @Inject
    LinkageQualityReports stored;

    @Inject
    AuditLog audit;

    @Inject
    CatalogueConfig config;

    @Inject
    Event<CurrentReleases.Written> written;

    @Transactional
    public LinkageQualityReport publish(String datasetId, byte[] body, String actor) {
        JsonNode report = DocumentParser.json(body, BODY, config.api().maxBodyBytes());
        List<ProblemError> errors = JsonSchemas.validate(JsonSchemas.LINKAGE_QUALITY_REPORT, report, BODY);
        if (!errors.isEmpty()) {
            throw new InvalidReportException(ProblemType.INVALID_REPORT, errors);
        }
        errors = DisclosureCheck.check(report, config.linkageQuality().minimumCount(), BODY);
        if (!errors.isEmpty()) {
            throw new InvalidReportException(ProblemType.DISCLOSURE, errors);
        }
        Release release = catalogue.currentRelease(datasetId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = ((Number) em.createNativeQuery("""
                insert into linkage_quality_report (dataset_id, release_id, received_at, actor, format, content_hash, report)
                values (:dataset, :release, :now, :actor, :format, :hash, cast(:report as json)) returning id
                """)
                        .setParameter("dataset", datasetId)
                        .setParameter("release", release.id)
                        .setParameter("now", now)
                        .setParameter("actor", actor)
                        .setParameter("format", report.get("format").asText())
                        .setParameter("hash", ContentHash.of(report))
                        .setParameter("report", report.toString())
                        .getSingleResult())
                .longValue();
        List<LinkageQualityReport.Group> groups = new ArrayList<>();
        for (JsonNode group : report.get("groups")) {
            em.createNativeQuery("insert into linkage_quality_group (report_id, ordinal, source_dataset, role) "
                            + "values (:report, :ordinal, :dataset, :role)")
                    .setParameter("report", id)
                    .setParameter("ordinal", groups.size())
                    .setParameter("dataset", group.get("source_dataset").asText())
                    .setParameter("role", group.get("role").asText())
                    .executeUpdate();
            groups.add(new LinkageQualityReport.Group(
                    group.get("source_dataset").asText(), group.get("role").asText()));
        }
        audit.record(
                actor,
                AuditLog.LINKAGE_QUALITY_PUBLISHED,
                datasetId,
                release.version,
                "POST /api/v1/datasets/" + datasetId + "/linkage-quality",
                "report " + id + " with " + groups.size() + " groups");
        written.fire(new CurrentReleases.Written(datasetId)); // pages and documents that show reports change
        return new LinkageQualityReport(id, datasetId, release.version, now, groups, report);
    }

    /** The newest report of a dataset, if any. */
    public Optional<LinkageQualityReport> latest(String datasetId) {
        return stored.latest(datasetId);
    }

    /** Every report of a dataset, newest first. */
    public List<LinkageQualityReport> history(String datasetId) {
        return stored.history(datasetId);
    }

    /** The newest report of each dataset that has one, by dataset id. */
    public List<LinkageQualityReport> newestOfEachDataset() {
        return stored.newestOfEachDataset();
    }
}
