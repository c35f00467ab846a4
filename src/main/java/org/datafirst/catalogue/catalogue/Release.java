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
import org.datafirst.catalogue.catalogue.document.DatasetDocument.CatalogueEntry;
import org.datafirst.catalogue.catalogue.document.SourceReference;
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

    public String label;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public LocalDate issued;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "change_notes")
    public String changeNotes;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** What made this release, e.g. the source file it was loaded from. */
    @Column(nullable = false)
    public String origin;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alternative_titles", nullable = false)
    public List<String> alternativeTitles = new ArrayList<>();

    @Column(nullable = false)
    public String description;

    @Column(name = "publisher_name", nullable = false)
    public String publisherName;

    @Column(name = "publisher_url")
    public String publisherUrl;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_systems", nullable = false)
    public List<String> sourceSystems = new ArrayList<>();

    @Column(nullable = false)
    public String jurisdiction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "key_variables", nullable = false)
    public List<String> keyVariables = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "research_areas", nullable = false)
    public List<String> researchAreas = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> approvals = new ArrayList<>();

    @Column(name = "approval_notes")
    public String approvalNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "where_held", nullable = false)
    public List<String> whereHeld = new ArrayList<>();

    @Column(name = "where_held_notes")
    public String whereHeldNotes;

    @Column(name = "access_route")
    public String accessRoute;

    @Column(name = "linkage_notes")
    public String linkageNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> limitations = new ArrayList<>();

    public String notes;

    @Column(name = "dictionary_completeness", nullable = false)
    public String dictionaryCompleteness;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> keywords = new ArrayList<>();

    @Column(name = "access_rights", nullable = false)
    public String accessRights;

    @Column(name = "first_released")
    public String firstReleased;

    @Column(name = "official_catalogue_file")
    public String officialCatalogueFile;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "catalogue_entries", nullable = false)
    public List<CatalogueEntry> catalogueEntries = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SourceReference> sources = new ArrayList<>();

    @OneToMany(mappedBy = "release")
    @OrderBy("ordinal")
    public List<CoveragePeriod> coverage = new ArrayList<>();

    @OneToMany(mappedBy = "release")
    @OrderBy("ordinal")
    public List<DataTable> tables = new ArrayList<>();
}
