package org.datafirst.catalogue.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who did what, when: one write to the catalogue. Never updated or deleted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    /** What happened, e.g. {@code release.created}, {@code release.published}, {@code linkage-quality.published}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "dataset_id")
    public String datasetId;

    public Integer version;

    /** What the change was made from: a source file, an API request, an upload. */
    public String origin;

    public String detail;
}
