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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A table of a dataset release, e.g. hocas_flatfile, with what one row is (its grain). */
@Entity
@Table(name = "data_table")
public class DataTable extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "data_table_seq")
    @SequenceGenerator(name = "data_table_seq", sequenceName = "data_table_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "release_id")
    public Release release;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String grain;

    public String description;

    @Column(name = "source_ref")
    public String sourceRef;

    @OneToMany(mappedBy = "table")
    @OrderBy("ordinal")
    public List<Variable> variables = new ArrayList<>();
}
