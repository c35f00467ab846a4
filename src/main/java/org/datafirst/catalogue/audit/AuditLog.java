package org.datafirst.catalogue.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.datafirst.catalogue.http.PageRequest;

/**
 * The audit log. {@link #record} joins the caller's transaction (it is mandatory), so an entry
 * exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditLog {

    public static final String RELEASE_CREATED = "release.created";
    public static final String RELEASE_PUBLISHED = "release.published";
    public static final String LINKAGE_QUALITY_PUBLISHED = "linkage-quality.published";

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(
            String actor, String action, String datasetId, Integer version, String origin, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.actor = actor;
        entry.action = action;
        entry.datasetId = datasetId;
        entry.version = version;
        entry.origin = origin;
        entry.detail = detail;
        entry.persist();
        return entry;
    }

    /** Newest first, optionally for one dataset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> entries(Optional<String> datasetId, PageRequest page) {
        var query = datasetId.isPresent()
                ? AuditEntry.<AuditEntry>find("datasetId = ?1 order by id desc", datasetId.get())
                : AuditEntry.<AuditEntry>find("order by id desc");
        return query.range(page.offset(), page.offset() + page.size() - 1).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Optional<String> datasetId) {
        return datasetId.isPresent() ? AuditEntry.count("datasetId", datasetId.get()) : AuditEntry.count();
    }
}
