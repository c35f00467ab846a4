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

/** A column of a table, with its provenance and, for coded values, its lookup. */
@Entity
@Table(name = "variable")
public class Variable extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "variable_seq")
    @SequenceGenerator(name = "variable_seq", sequenceName = "variable_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "table_id")
    public DataTable table;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String name;

    public String label;

    public String description;

    @Column(name = "data_type", nullable = false)
    public String dataType;

    public String format;

    @Column(name = "quality_notes")
    public String qualityNotes;

    @Column(nullable = false)
    public boolean sensitive;

    @Column(name = "identifier_role")
    public String identifierRole;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lookup_version_id")
    public LookupVersion lookupVersion;

    @Column(name = "source_ref")
    public String sourceRef;

    public String confidence;

    public String evidence;
}
