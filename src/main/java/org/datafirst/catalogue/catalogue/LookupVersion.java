package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.datafirst.catalogue.catalogue.document.LookupDocument.LookupSource;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One content of a lookup, identified by its hash: releases that publish the same code list share
 * this row, and a release never sees codes change under it.
 */
@Entity
@Table(name = "lookup_version")
public class LookupVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lookup_version_seq")
    @SequenceGenerator(name = "lookup_version_seq", sequenceName = "lookup_version_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "lookup_id", nullable = false)
    public String lookupId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(nullable = false)
    public boolean complete;

    @JdbcTypeCode(SqlTypes.JSON)
    public LookupSource source;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "lookupVersion")
    @OrderBy("ordinal")
    public List<LookupCode> codes = new ArrayList<>();
}
