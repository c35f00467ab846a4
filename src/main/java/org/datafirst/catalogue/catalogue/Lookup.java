package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A code list's stable identity; its codes live in content-addressed {@link LookupVersion}s. */
@Entity
@Table(name = "lookup")
public class Lookup extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
