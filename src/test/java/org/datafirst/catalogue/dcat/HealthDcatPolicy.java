package org.datafirst.catalogue.dcat;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the catalogue publishes of HealthDCAT-AP (release 8, NON_PUBLIC profile), in our own words:
 * one row per mandatory or recommended property. The README's HealthDCAT-AP table lists exactly
 * these rows ({@code HealthDcatPolicyTest} checks both the table and the served documents), and
 * bench/healthdcat.sh marks a shapes finding as a policy exception when its property is one that
 * is not published, or published only where the sources give it.
 */
enum HealthDcatPolicy {
    ACCESS_RIGHTS("dct:accessRights", Vocab.DCT_NS + "accessRights", Decision.PUBLISHED),
    APPLICABLE_LEGISLATION(
            "dcatap:applicableLegislation", Vocab.DCATAP_NS + "applicableLegislation", Decision.PUBLISHED),
    DISTRIBUTION("dcat:distribution", Vocab.DCAT_NS + "distribution", Decision.PUBLISHED),
    IDENTIFIER("dct:identifier", Vocab.DCT_NS + "identifier", Decision.PUBLISHED),
    PUBLISHER("dct:publisher", Vocab.DCT_NS + "publisher", Decision.PUBLISHED),
    CUSTODIAN("geodcatap:custodian", Vocab.GEODCATAP_NS + "custodian", Decision.PUBLISHED),
    THEME("dcat:theme", Vocab.DCAT_NS + "theme", Decision.PUBLISHED),
    HAS_STRUCTURED_DATA(
            "healthdcatap:hasStructuredData", Vocab.HEALTHDCATAP_NS + "hasStructuredData", Decision.PUBLISHED),
    CONTACT_POINT("dcat:contactPoint", Vocab.DCAT_NS + "contactPoint", Decision.PUBLISHED),
    KEYWORD("dcat:keyword", Vocab.DCAT_NS + "keyword", Decision.PUBLISHED),
    PROVENANCE("dct:provenance", Vocab.DCT_NS + "provenance", Decision.PUBLISHED),
    LANGUAGE("dct:language", Vocab.DCT_NS + "language", Decision.PUBLISHED),
    TEMPORAL("dct:temporal", Vocab.DCT_NS + "temporal", Decision.PUBLISHED),
    LANDING_PAGE("dcat:landingPage", Vocab.DCAT_NS + "landingPage", Decision.PUBLISHED),
    PAGE("foaf:page", Vocab.FOAF_NS + "page", Decision.PUBLISHED),
    CONFORMS_TO("dct:conformsTo", Vocab.DCT_NS + "conformsTo", Decision.WHERE_KNOWN),
    HAS_VARIABLES("healthdcatap:hasVariables", Vocab.HEALTHDCATAP_NS + "hasVariables", Decision.WHERE_KNOWN),
    HAS_CODING_SYSTEM("healthdcatap:hasCodingSystem", Vocab.HEALTHDCATAP_NS + "hasCodingSystem", Decision.WHERE_KNOWN),
    COLUMN("csvw:column", Vocab.CSVW_NS + "column", Decision.WHERE_KNOWN),
    DATATYPE("csvw:datatype", Vocab.CSVW_NS + "datatype", Decision.WHERE_KNOWN),
    SAMPLE("adms:sample", Vocab.ADMS_NS + "sample", Decision.WHERE_KNOWN),
    RELATION("dct:relation", Vocab.DCT_NS + "relation", Decision.WHERE_KNOWN),
    HDAB("healthdcatap:hdab", Vocab.HEALTHDCATAP_NS + "hdab", Decision.NOT_PUBLISHED),
    HEALTH_CATEGORY("healthdcatap:healthCategory", Vocab.HEALTHDCATAP_NS + "healthCategory", Decision.NOT_PUBLISHED),
    HEALTH_THEME("healthdcatap:healthTheme", Vocab.HEALTHDCATAP_NS + "healthTheme", Decision.NOT_PUBLISHED),
    TYPE("dct:type", Vocab.DCT_NS + "type", Decision.NOT_PUBLISHED),
    ANALYTICS("healthdcatap:analytics", Vocab.HEALTHDCATAP_NS + "analytics", Decision.NOT_PUBLISHED),
    HAS_CODE_VALUES("healthdcatap:hasCodeValues", Vocab.HEALTHDCATAP_NS + "hasCodeValues", Decision.NOT_PUBLISHED),
    ACCRUAL_PERIODICITY("dct:accrualPeriodicity", Vocab.DCT_NS + "accrualPeriodicity", Decision.NOT_PUBLISHED),
    IS_REFERENCED_BY("dct:isReferencedBy", Vocab.DCT_NS + "isReferencedBy", Decision.NOT_PUBLISHED),
    SOURCE("dct:source", Vocab.DCT_NS + "source", Decision.NOT_PUBLISHED),
    LEGAL_BASIS("dpv:hasLegalBasis", "https://w3id.org/dpv#" + "hasLegalBasis", Decision.NOT_PUBLISHED),
    PERSONAL_DATA("dpv:hasPersonalData", "https://w3id.org/dpv#" + "hasPersonalData", Decision.NOT_PUBLISHED),
    PURPOSE("dpv:hasPurpose", "https://w3id.org/dpv#" + "hasPurpose", Decision.NOT_PUBLISHED),
    MIN_TYPICAL_AGE("healthdcatap:minTypicalAge", Vocab.HEALTHDCATAP_NS + "minTypicalAge", Decision.NOT_PUBLISHED),
    MAX_TYPICAL_AGE("healthdcatap:maxTypicalAge", Vocab.HEALTHDCATAP_NS + "maxTypicalAge", Decision.NOT_PUBLISHED),
    NUMBER_OF_RECORDS(
            "healthdcatap:numberOfRecords", Vocab.HEALTHDCATAP_NS + "numberOfRecords", Decision.NOT_PUBLISHED),
    NUMBER_OF_UNIQUE_INDIVIDUALS(
            "healthdcatap:numberOfUniqueIndividuals",
            Vocab.HEALTHDCATAP_NS + "numberOfUniqueIndividuals",
            Decision.NOT_PUBLISHED),
    POPULATION_COVERAGE(
            "healthdcatap:populationCoverage", Vocab.HEALTHDCATAP_NS + "populationCoverage", Decision.NOT_PUBLISHED),
    QUALITY_ANNOTATION("dqv:hasQualityAnnotation", Vocab.DQV_NS + "hasQualityAnnotation", Decision.NOT_PUBLISHED),
    RETENTION_PERIOD("healthdcatap:retentionPeriod", Vocab.HEALTHDCATAP_NS + "retentionPeriod", Decision.NOT_PUBLISHED),
    TEMPORAL_RESOLUTION("dcat:temporalResolution", Vocab.DCAT_NS + "temporalResolution", Decision.NOT_PUBLISHED),
    // DCAT-AP's own recommendation on dct:Location, documented with the DCAT-AP checks.
    BBOX("dcat:bbox", Vocab.DCAT_NS + "bbox", Decision.NOT_PUBLISHED),
    CENTROID("dcat:centroid", Vocab.DCAT_NS + "centroid", Decision.NOT_PUBLISHED);

    enum Decision {
        /** On every dataset of the catalogue (and every release in a dataset's document). */
        PUBLISHED,
        /** Where the sources give it; absent elsewhere (the README says where). */
        WHERE_KNOWN,
        /** Never: no source gives it, or it does not apply to justice records. */
        NOT_PUBLISHED
    }

    final String name;
    final String iri;
    final Decision decision;

    HealthDcatPolicy(String name, String iri, Decision decision) {
        this.name = name;
        this.iri = iri;
        this.decision = decision;
    }

    static List<HealthDcatPolicy> with(Decision decision) {
        return Stream.of(values()).filter(p -> p.decision == decision).toList();
    }

    /**
     * Whether a SHACL finding along this path (as Jena prints it, {@code <iri>}; or a finding without
     * a path, by its message) is one the policy documents.
     */
    static boolean isDocumentedException(String path) {
        return Stream.of(values())
                .filter(p -> p.decision != Decision.PUBLISHED)
                .anyMatch(p -> path.equals("<" + p.iri + ">") || path.startsWith("(node") && path.contains(p.name));
    }
}
