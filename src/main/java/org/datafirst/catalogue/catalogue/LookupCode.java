package org.datafirst.catalogue.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "lookup_code")
public class LookupCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lookup_code_seq")
    @SequenceGenerator(name = "lookup_code_seq", sequenceName = "lookup_code_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lookup_version_id")
    public LookupVersion lookupVersion;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String label;

    public String description;
}
