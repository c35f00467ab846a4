package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A dataset's stable identity; its content lives in immutable {@link Release}s. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The release served to the public and to harvesters. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_release_id")
    public Release currentRelease;
}
