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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An immutable version of one dataset's dictionary: dataset fields, coverage, tables, variables. */
@Entity
@Table(name = "release")
public class Release extends PanacheEntityBase {

    public static final String PUBLISHED = "published";
    public static final String DRAFT = "draft";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "release_seq")
    @SequenceGenerator(name = "release_seq", sequenceName = "release_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public LocalDate issued;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** What made this release, e.g. the source file it was loaded from. */
    @Column(nullable = false)
    public String origin;

    /**
     * The dictionary this release was made from, whole, with every lookup its variables use. The
     * release's only source of its content; the searched columns beside it are generated from it
     * (V3__release_document.sql).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public DatasetDocument document;

    /** Coverage dates for the coverage filter; the periods themselves are in the document. */
    @OneToMany(mappedBy = "release")
    @OrderBy("ordinal")
    public List<CoveragePeriod> coverage = new ArrayList<>();

    @OneToMany(mappedBy = "release")
    @OrderBy("ordinal")
    public List<DataTable> tables = new ArrayList<>();

    public String title() {
        return document.title();
    }

    /** The release's label, e.g. "2024 refresh", or null. */
    public String label() {
        return document.release() == null ? null : document.release().label();
    }

    public String changeNotes() {
        return document.release() == null ? null : document.release().changeNotes();
    }
}
