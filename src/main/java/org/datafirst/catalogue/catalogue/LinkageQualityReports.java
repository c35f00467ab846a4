package org.datafirst.catalogue.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the stored linkage-quality reports (written by {@code linkagequality/LinkageQualityService}) for every
 * surface that shows them: pages, API, DCAT, HDR UK, downloads.
 */
@ApplicationScoped
public class LinkageQualityReports {

    @Inject
    EntityManager em;

    @Inject
    ReleaseQueries catalogue;

    @Inject
    ObjectMapper json;

    /** The newest report of a dataset, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LinkageQualityReport> latest(String datasetId) {
        catalogue.currentRelease(datasetId);
        return read("where q.dataset_id = :dataset order by q.id desc limit 1", datasetId, null).stream()
                .findFirst();
    }

    /** Every report of a dataset, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LinkageQualityReport> history(String datasetId) {
        catalogue.currentRelease(datasetId);
        return read("where q.dataset_id = :dataset order by q.id desc", datasetId, null);
    }

    /**
     * The newest report attached to this release of a dataset or an earlier one: what was known of the linkage when the
     * release was current, and for the current release the newest report. No check that the release exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LinkageQualityReport> newestUpTo(String datasetId, int releaseVersion) {
        return read(
                        "where q.dataset_id = :dataset and r.version <= :version order by q.id desc limit 1",
                        datasetId,
                        releaseVersion)
                .stream()
                .findFirst();
    }

    /** The newest report of each dataset that has one, by dataset id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LinkageQualityReport> newestOfEachDataset() {
        return read(
                "where q.id in (select max(id) from linkage_quality_report group by dataset_id) order by q.dataset_id",
                null,
                null);
    }

    private List<LinkageQualityReport> read(String where, String datasetId, Integer releaseVersion) {
        var query = em.createNativeQuery("select q.id, q.dataset_id, r.version, q.received_at, q.report::text"
                + " from linkage_quality_report q join release r on r.id = q.release_id " + where);
        if (datasetId != null) {
            query.setParameter("dataset", datasetId);
        }
        if (releaseVersion != null) {
            query.setParameter("version", releaseVersion);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<LinkageQualityReport> reports = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> groupRows = em.createNativeQuery("select source_dataset, role from linkage_quality_group "
                            + "where report_id = :id order by ordinal")
                    .setParameter("id", id)
                    .getResultList();
            try {
                reports.add(new LinkageQualityReport(
                        id,
                        (String) row[1],
                        ((Number) row[2]).intValue(),
                        toOffset(row[3]),
                        groupRows.stream()
                                .map(g -> new LinkageQualityReport.Group((String) g[0], (String) g[1]))
                                .toList(),
                        json.readTree((String) row[4])));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored report " + id + " is not JSON", e);
            }
        }
        return reports;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
