package org.datafirst.catalogue.dcat;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms this service writes, grouped by vocabulary (DCAT 3, Dublin Core, CSVW, SKOS, DQV, Hydra …). */
final class Vocab {

    private Vocab() {}

    static final String DCAT_NS = "http://www.w3.org/ns/dcat#";
    static final String DCT_NS = "http://purl.org/dc/terms/";
    static final String FOAF_NS = "http://xmlns.com/foaf/0.1/";
    static final String VCARD_NS = "http://www.w3.org/2006/vcard/ns#";
    static final String HYDRA_NS = "http://www.w3.org/ns/hydra/core#";
    static final String CSVW_NS = "http://www.w3.org/ns/csvw#";
    static final String SKOS_NS = "http://www.w3.org/2004/02/skos/core#";
    static final String DQV_NS = "http://www.w3.org/ns/dqv#";
    static final String PROV_NS = "http://www.w3.org/ns/prov#";
    static final String ADMS_NS = "http://www.w3.org/ns/adms#";
    static final String QB_NS = "http://purl.org/linked-data/cube#";
    static final String DCATAP_NS = "http://data.europa.eu/r5r/";
    static final String HEALTHDCATAP_NS = "http://healthdataportal.eu/ns/health#";
    static final String CV_NS = "http://data.europa.eu/m8g/";
    static final String GEODCATAP_NS = "http://data.europa.eu/930/";
    static final String ELI_NS = "http://data.europa.eu/eli/ontology#";
    static final String EU_AUTHORITY = "http://publications.europa.eu/resource/authority/";
    static final String IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";

    static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns, local);
    }

    static Resource r(String uri) {
        return ResourceFactory.createResource(uri);
    }

    static final class Dcat {
        static final Resource Catalog = r(DCAT_NS + "Catalog");
        static final Resource Dataset = r(DCAT_NS + "Dataset");
        static final Resource Distribution = r(DCAT_NS + "Distribution");
        static final Resource DataService = r(DCAT_NS + "DataService");
        static final Property dataset = p(DCAT_NS, "dataset");
        static final Property service = p(DCAT_NS, "service");
        static final Property distribution = p(DCAT_NS, "distribution");
        static final Property accessURL = p(DCAT_NS, "accessURL");
        static final Property downloadURL = p(DCAT_NS, "downloadURL");
        static final Property accessService = p(DCAT_NS, "accessService");
        static final Property mediaType = p(DCAT_NS, "mediaType");
        static final Property keyword = p(DCAT_NS, "keyword");
        static final Property theme = p(DCAT_NS, "theme");
        static final Property themeTaxonomy = p(DCAT_NS, "themeTaxonomy");
        static final Property contactPoint = p(DCAT_NS, "contactPoint");
        static final Property landingPage = p(DCAT_NS, "landingPage");
        static final Property version = p(DCAT_NS, "version");
        static final Property hasVersion = p(DCAT_NS, "hasVersion");
        static final Property hasCurrentVersion = p(DCAT_NS, "hasCurrentVersion");
        static final Property previousVersion = p(DCAT_NS, "previousVersion");
        static final Property isVersionOf = p(DCAT_NS, "isVersionOf");
        static final Property startDate = p(DCAT_NS, "startDate");
        static final Property endDate = p(DCAT_NS, "endDate");
        static final Property endpointURL = p(DCAT_NS, "endpointURL");
        static final Property endpointDescription = p(DCAT_NS, "endpointDescription");
        static final Property servesDataset = p(DCAT_NS, "servesDataset");
    }

    static final class Dct {
        static final Property title = p(DCT_NS, "title");
        static final Property description = p(DCT_NS, "description");
        static final Property identifier = p(DCT_NS, "identifier");
        static final Property publisher = p(DCT_NS, "publisher");
        static final Property issued = p(DCT_NS, "issued");
        static final Property modified = p(DCT_NS, "modified");
        static final Property temporal = p(DCT_NS, "temporal");
        static final Property spatial = p(DCT_NS, "spatial");
        static final Property accessRights = p(DCT_NS, "accessRights");
        static final Property conformsTo = p(DCT_NS, "conformsTo");
        static final Property format = p(DCT_NS, "format");
        static final Property language = p(DCT_NS, "language");
        static final Property alternative = p(DCT_NS, "alternative");
        static final Property source = p(DCT_NS, "source");
        static final Property type = p(DCT_NS, "type");
        static final Property provenance = p(DCT_NS, "provenance");
        static final Property license = p(DCT_NS, "license");
        static final Property rights = p(DCT_NS, "rights");
        static final Property relation = p(DCT_NS, "relation");
        static final Resource PeriodOfTime = r(DCT_NS + "PeriodOfTime");
        static final Resource RightsStatement = r(DCT_NS + "RightsStatement");
        static final Resource Standard = r(DCT_NS + "Standard");
        static final Resource MediaType = r(DCT_NS + "MediaType");
        static final Resource MediaTypeOrExtent = r(DCT_NS + "MediaTypeOrExtent");
        static final Resource LinguisticSystem = r(DCT_NS + "LinguisticSystem");
        static final Resource Location = r(DCT_NS + "Location");
        static final Resource ProvenanceStatement = r(DCT_NS + "ProvenanceStatement");
        static final Resource LicenseDocument = r(DCT_NS + "LicenseDocument");
        /** What ckanext-dcat reads as a labelled format (a DCMI vocabulary encoding scheme used as a class). */
        static final Resource IMT = r(DCT_NS + "IMT");
    }

    static final class Foaf {
        static final Resource Agent = r(FOAF_NS + "Agent");
        static final Resource Organization = r(FOAF_NS + "Organization");
        static final Resource Document = r(FOAF_NS + "Document");
        static final Property name = p(FOAF_NS, "name");
        static final Property homepage = p(FOAF_NS, "homepage");
        static final Property page = p(FOAF_NS, "page");
    }

    static final class Vcard {
        static final Resource Kind = r(VCARD_NS + "Kind");
        static final Resource Organization = r(VCARD_NS + "Organization");
        static final Property fn = p(VCARD_NS, "fn");
        static final Property hasEmail = p(VCARD_NS, "hasEmail");
    }

    static final class Adms {
        static final Resource Identifier = r(ADMS_NS + "Identifier");
        static final Property versionNotes = p(ADMS_NS, "versionNotes");
        static final Property identifier = p(ADMS_NS, "identifier");
        static final Property schemaAgency = p(ADMS_NS, "schemaAgency");
        static final Property sample = p(ADMS_NS, "sample");
    }

    static final class DcatAp {
        static final Property availability = p(DCATAP_NS, "availability");
        static final Property applicableLegislation = p(DCATAP_NS, "applicableLegislation");
    }

    /** HealthDCAT-AP's own terms (its namespace until the profile gets a permanent one). */
    static final class HealthDcatAp {
        static final Property hasStructuredData = p(HEALTHDCATAP_NS, "hasStructuredData");
        static final Property hasVariables = p(HEALTHDCATAP_NS, "hasVariables");
        static final Property hasCodingSystem = p(HEALTHDCATAP_NS, "hasCodingSystem");
    }

    /** Core Vocabularies (m8g): the contact point HealthDCAT-AP wants on publisher and custodian. */
    static final class Cv {
        static final Resource ContactPoint = r(CV_NS + "ContactPoint");
        static final Property contactPoint = p(CV_NS, "contactPoint");
        static final Property email = p(CV_NS, "email");
        static final Property contactPage = p(CV_NS, "contactPage");
    }

    static final class GeoDcatAp {
        static final Property custodian = p(GEODCATAP_NS, "custodian");
    }

    static final class Eli {
        static final Resource LegalResource = r(ELI_NS + "LegalResource");
    }

    static final class Hydra {
        static final Resource PartialCollectionView = r(HYDRA_NS + "PartialCollectionView");
        static final Resource PagedCollection = r(HYDRA_NS + "PagedCollection");
        static final Property view = p(HYDRA_NS, "view");
        static final Property totalItems = p(HYDRA_NS, "totalItems");
        static final Property itemsPerPage = p(HYDRA_NS, "itemsPerPage");
        static final Property first = p(HYDRA_NS, "first");
        static final Property last = p(HYDRA_NS, "last");
        static final Property next = p(HYDRA_NS, "next");
        static final Property previous = p(HYDRA_NS, "previous");
        static final Property firstPage = p(HYDRA_NS, "firstPage");
        static final Property lastPage = p(HYDRA_NS, "lastPage");
        static final Property nextPage = p(HYDRA_NS, "nextPage");
        static final Property previousPage = p(HYDRA_NS, "previousPage");
    }

    static final class Csvw {
        static final Resource TableGroup = r(CSVW_NS + "TableGroup");
        static final Resource Table = r(CSVW_NS + "Table");
        static final Resource Column = r(CSVW_NS + "Column");
        static final Property table = p(CSVW_NS, "table");
        static final Property column = p(CSVW_NS, "column");
        static final Property name = p(CSVW_NS, "name");
        static final Property title = p(CSVW_NS, "title");
        static final Property datatype = p(CSVW_NS, "datatype");
        static final Property url = p(CSVW_NS, "url");
    }

    static final class Skos {
        static final Resource ConceptScheme = r(SKOS_NS + "ConceptScheme");
        static final Resource Concept = r(SKOS_NS + "Concept");
        static final Property prefLabel = p(SKOS_NS, "prefLabel");
        static final Property altLabel = p(SKOS_NS, "altLabel");
        static final Property notation = p(SKOS_NS, "notation");
        static final Property definition = p(SKOS_NS, "definition");
        static final Property inScheme = p(SKOS_NS, "inScheme");
        static final Property hasTopConcept = p(SKOS_NS, "hasTopConcept");
        static final Property topConceptOf = p(SKOS_NS, "topConceptOf");
    }

    static final class Dqv {
        static final Resource QualityMeasurement = r(DQV_NS + "QualityMeasurement");
        static final Resource Metric = r(DQV_NS + "Metric");
        static final Property hasQualityMeasurement = p(DQV_NS, "hasQualityMeasurement");
        static final Property computedOn = p(DQV_NS, "computedOn");
        static final Property isMeasurementOf = p(DQV_NS, "isMeasurementOf");
        static final Property value = p(DQV_NS, "value");
        static final Property expectedDataType = p(DQV_NS, "expectedDataType");
    }

    static final class Prov {
        static final Resource Activity = r(PROV_NS + "Activity");
        static final Property wasGeneratedBy = p(PROV_NS, "wasGeneratedBy");
        static final Property endedAtTime = p(PROV_NS, "endedAtTime");
    }

    static final class Qb {
        static final Property codeList = p(QB_NS, "codeList");
    }
}
