package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of the change feed: a release became its dataset's published current release. */
@Entity
@Table(name = "release_publication")
public class ReleasePublication extends PanacheEntityBase {

    /** Feed order and cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public int version;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(nullable = false)
    public String actor;
}
