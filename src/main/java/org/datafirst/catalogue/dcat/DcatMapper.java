package org.datafirst.catalogue.dcat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.SourceReference;
import org.datafirst.catalogue.dcat.Vocab.Adms;
import org.datafirst.catalogue.dcat.Vocab.Cv;
import org.datafirst.catalogue.dcat.Vocab.Dcat;
import org.datafirst.catalogue.dcat.Vocab.DcatAp;
import org.datafirst.catalogue.dcat.Vocab.Dct;
import org.datafirst.catalogue.dcat.Vocab.Eli;
import org.datafirst.catalogue.dcat.Vocab.Foaf;
import org.datafirst.catalogue.dcat.Vocab.GeoDcatAp;
import org.datafirst.catalogue.dcat.Vocab.HealthDcatAp;
import org.datafirst.catalogue.dcat.Vocab.Skos;
import org.datafirst.catalogue.dcat.Vocab.Vcard;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.synthetic.SyntheticData;
import org.datafirst.catalogue.synthetic.SyntheticFormat;

/**
 * Catalogue content → DCAT-AP 3 (a pure function: same input, same graph). Every node but a
 * distribution's rights statement has a URI (hash URIs under the dataset or release), so graphs
 * compare cheaply and harvesters can keep references. Releases are dcat:Datasets in the dataset's
 * own document only (see {@link #addReleases}).
 */
public final class DcatMapper {

    static final String LANG = "en";

    private static final String ACCESS_RIGHT = Vocab.EU_AUTHORITY + "access-right/";
    private static final String DATA_THEME = Vocab.EU_AUTHORITY + "data-theme";
    private static final String JUSTICE_THEME = DATA_THEME + "/JUST";
    private static final String ENGLISH = Vocab.EU_AUTHORITY + "language/ENG";
    private static final String FILE_TYPE = Vocab.EU_AUTHORITY + "file-type/";
    private static final String UK = "http://publications.europa.eu/resource/authority/country/GBR";
    private static final String OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    private static final String STABLE = Vocab.EU_AUTHORITY + "planned-availability/STABLE";
    private static final String OPENAPI = "https://spec.openapis.org/oas/v3.1.0";
    /** The Data First team's address, as every dataset's source file gives it. */
    private static final String CONTACT = "datafirst@justice.gov.uk";

    private static final String ATTRIBUTION_LICENCE = "http://purl.org/adms/licencetype/Attribution";

    private DcatMapper() {}

    /** The catalogue node, its data service and the given datasets. */
    public static Model catalog(Routes uris, List<PublishedDataset> datasets) {
        Model model = newModel();
        Resource catalog = model.createResource(uris.catalog(), Dcat.Catalog)
                .addProperty(Dct.title, text(model, "Data First Catalogue"))
                .addProperty(
                        Dct.description,
                        text(
                                model,
                                "Metadata of the Ministry of Justice Data First datasets: "
                                        + "linked administrative justice data for accredited researchers, with coverage, tables, "
                                        + "variables, code lists and releases."))
                .addProperty(Dct.publisher, ministry(model, uris))
                .addProperty(Foaf.homepage, document(model, uris.base() + "/"))
                .addProperty(Dct.language, typed(model, ENGLISH, Dct.LinguisticSystem))
                .addProperty(Dcat.themeTaxonomy, themeScheme(model))
                .addProperty(Dct.license, licence(model))
                .addProperty(Dct.spatial, typed(model, UK, Dct.Location));
        addCatalogDates(model, catalog, datasets);
        datasets.stream()
                .flatMap(d -> d.current().document.legislation().stream())
                .forEach(act -> catalog.addProperty(DcatAp.applicableLegislation, legislation(model, act)));
        Resource service = dataService(model, uris);
        catalog.addProperty(Dcat.service, service);
        for (PublishedDataset dataset : datasets) {
            Resource node = dataset(model, uris, dataset);
            catalog.addProperty(Dcat.dataset, node);
            service.addProperty(Dcat.servesDataset, node);
        }
        return model;
    }

    /**
     * One dataset on its own: the description the catalogue holds, its releases, and the data
     * service.
     */
    public static Model dataset(Routes uris, PublishedDataset dataset) {
        Model model = newModel();
        Resource node = dataset(model, uris, dataset);
        addReleases(model, uris, dataset);
        dataService(model, uris).addProperty(Dcat.servesDataset, node);
        return model;
    }

    static Model newModel() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", Vocab.DCAT_NS)
                .setNsPrefix("dct", Vocab.DCT_NS)
                .setNsPrefix("foaf", Vocab.FOAF_NS)
                .setNsPrefix("vcard", Vocab.VCARD_NS)
                .setNsPrefix("hydra", Vocab.HYDRA_NS)
                .setNsPrefix("csvw", Vocab.CSVW_NS)
                .setNsPrefix("skos", Vocab.SKOS_NS)
                .setNsPrefix("dqv", Vocab.DQV_NS)
                .setNsPrefix("prov", Vocab.PROV_NS)
                .setNsPrefix("adms", Vocab.ADMS_NS)
                .setNsPrefix("qb", Vocab.QB_NS)
                .setNsPrefix("dcatap", Vocab.DCATAP_NS)
                .setNsPrefix("healthdcatap", Vocab.HEALTHDCATAP_NS)
                .setNsPrefix("cv", Vocab.CV_NS)
                .setNsPrefix("geodcatap", Vocab.GEODCATAP_NS)
                .setNsPrefix("eli", Vocab.ELI_NS)
                .setNsPrefix("xsd", XSD.NS)
                .setNsPrefix("rdfs", RDFS.uri);
        return model;
    }

    private static Resource dataset(Model model, Routes uris, PublishedDataset dataset) {
        Release current = dataset.current();
        String uri = uris.dataset(dataset.id());
        Resource node = describe(model, uris, model.createResource(uri, Dcat.Dataset), current, current.title())
                .addProperty(Dct.identifier, dataset.id())
                .addProperty(Dcat.landingPage, document(model, uri))
                .addProperty(Dct.modified, dateTime(model, dataset.publishedAt()));
        Literal issued = partialDate(model, current.document.issued());
        if (issued != null) {
            node.addProperty(Dct.issued, issued);
        }
        addIdentifiers(model, node, uri, current);
        StructureMapper.Dictionary dictionary = StructureMapper.dictionary(model, uris, dataset);
        node.addProperty(Dct.conformsTo, dictionary.tableGroup());
        addVariables(node, dictionary);
        addDistributions(model, uris, node, uri, dataset.id(), null, dictionary.tableGroup(), current);
        addSyntheticSamples(model, uris, node, uri, current);
        return node;
    }

    /**
     * Every release as a dcat:Dataset of its own (DCAT-AP: dcat:hasVersion points to a Dataset),
     * described from that release's document. Only the dataset's own document carries them: a
     * catalogue page has one dcat:Dataset per dataset, because harvesters such as ckanext-dcat import
     * every dcat:Dataset they find.
     */
    static void addReleases(Model model, Routes uris, PublishedDataset dataset) {
        Resource node = model.getResource(uris.dataset(dataset.id()));
        for (Release release : dataset.releases()) {
            Resource version = release(model, uris, dataset, release);
            node.addProperty(Dcat.hasVersion, version);
            version.addProperty(Dcat.isVersionOf, node);
            if (release.version == dataset.current().version) {
                node.addProperty(Dcat.hasCurrentVersion, version);
                // The dictionary in this document is the current release's: that release has it too.
                for (Property link : List.of(Dct.conformsTo, HealthDcatAp.hasVariables, HealthDcatAp.hasCodingSystem)) {
                    node.listProperties(link).toList().forEach(s -> version.addProperty(link, s.getObject()));
                }
            }
        }
    }

    /**
     * HealthDCAT-AP's data dictionary links: the CSVW table group (hasVariables) and the code lists
     * its columns use (hasCodingSystem), when the sources describe any table.
     */
    private static void addVariables(Resource node, StructureMapper.Dictionary dictionary) {
        if (dictionary.hasTables()) {
            node.addProperty(HealthDcatAp.hasVariables, dictionary.tableGroup());
        }
        dictionary.codeLists().forEach(scheme -> node.addProperty(HealthDcatAp.hasCodingSystem, scheme));
    }

    private static Resource release(Model model, Routes uris, PublishedDataset dataset, Release release) {
        String uri = uris.release(dataset.id(), release.version);
        String title = release.title() + " (release " + release.version + ")";
        Resource node = describe(model, uris, model.createResource(uri, Dcat.Dataset), release, title)
                .addProperty(Dct.issued, date(model, release.issued))
                .addProperty(Dct.identifier, dataset.id() + "/releases/" + release.version)
                // The dataset's page lists every release with its downloads.
                .addProperty(Dcat.landingPage, document(model, uris.dataset(dataset.id())));
        dataset.previous(release)
                .ifPresent(previous -> node.addProperty(
                        Dcat.previousVersion, model.createResource(uris.release(dataset.id(), previous.version))));
        addDistributions(model, uris, node, uri, dataset.id(), release.version, null, release);
        return node;
    }

    /** What a dataset and each of its releases say alike, from one release's document. */
    private static Resource describe(Model model, Routes uris, Resource node, Release release, String title) {
        String uri = node.getURI();
        node.addProperty(Dct.title, text(model, title))
                .addProperty(Dct.description, text(model, release.document.description()))
                .addProperty(
                        Dct.publisher,
                        publisher(
                                model,
                                uris,
                                release.document.publisher().name(),
                                release.document.publisher().url()))
                .addProperty(Dcat.contactPoint, contact(model, uri, release))
                .addProperty(Dcat.theme, justiceTheme(model))
                .addProperty(
                        Dct.accessRights,
                        typed(model, ACCESS_RIGHT + accessRight(release.document.accessRights()), Dct.RightsStatement))
                .addProperty(Dct.language, typed(model, ENGLISH, Dct.LinguisticSystem))
                .addProperty(Dct.spatial, typed(model, UK, Dct.Location))
                .addProperty(Dcat.version, String.valueOf(release.version));
        release.document.alternativeTitles().forEach(alias -> node.addProperty(Dct.alternative, text(model, alias)));
        release.document
                .legislation()
                .forEach(act -> node.addProperty(DcatAp.applicableLegislation, legislation(model, act)));
        if (!release.document.tables().isEmpty()) {
            node.addLiteral(HealthDcatAp.hasStructuredData, true);
        }
        node.addProperty(
                GeoDcatAp.custodian,
                model.getResource(uris.publisher(release.document.publisher().name())));
        release.document.sources().stream()
                .map(SourceReference::url)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(url -> node.addProperty(Foaf.page, document(model, url)));
        release.document
                .catalogueEntries()
                .forEach(entry -> node.addProperty(Dct.relation, document(model, entry.url())));
        release.document.keywords().forEach(keyword -> node.addProperty(Dcat.keyword, text(model, keyword)));
        if (release.changeNotes() != null) {
            node.addProperty(Adms.versionNotes, text(model, release.changeNotes()));
        }
        if (release.document.linkageNotes() != null || release.document.dictionaryCompleteness() != null) {
            node.addProperty(
                    Dct.provenance,
                    model.createResource(uri + "#provenance", Dct.ProvenanceStatement)
                            .addProperty(
                                    RDFS.label,
                                    text(
                                            model,
                                            join(
                                                    release.document.dictionaryCompleteness(),
                                                    release.document.linkageNotes()))));
        }
        List<CoverageDocument> coverage = release.document.coverage();
        for (int i = 0; i < coverage.size(); i++) {
            node.addProperty(Dct.temporal, temporal(model, uri, i + 1, coverage.get(i)));
        }
        return node;
    }

    /**
     * Other identifiers, such as the short code a research environment gives the dataset (PROB):
     * an adms:Identifier with the code as skos:notation, and the code as skos:altLabel.
     */
    private static void addIdentifiers(Model model, Resource node, String uri, Release release) {
        for (DatasetDocument.Identifier identifier : release.document.identifiers()) {
            node.addProperty(
                            Adms.identifier,
                            model.createResource(
                                            uri + "#identifier-" + Routes.segment(identifier.notation()),
                                            Adms.Identifier)
                                    .addProperty(Skos.notation, identifier.notation())
                                    .addProperty(Adms.schemaAgency, text(model, identifier.issuer())))
                    .addProperty(Skos.altLabel, text(model, identifier.notation()));
        }
    }

    /** One distribution per download format, of the current release (version null) or of one release. */
    private static void addDistributions(
            Model model,
            Routes uris,
            Resource node,
            String uri,
            String datasetId,
            Integer version,
            Resource dictionary,
            Release release) {
        for (DownloadFormat download : DownloadFormat.values()) {
            String url = uris.download(datasetId, version, download, "variables");
            Resource distribution = model.createResource(
                            uri + "#" + download.name().toLowerCase(java.util.Locale.ROOT), Dcat.Distribution)
                    .addProperty(Dct.title, text(model, "Data dictionary (" + download.label() + ")"))
                    .addProperty(
                            Dct.description,
                            text(
                                    model,
                                    "The data dictionary (tables, variables and code lists) as " + download.label()
                                            + ": metadata only, not the records."))
                    .addProperty(Dcat.accessURL, model.createResource(url))
                    .addProperty(Dcat.downloadURL, model.createResource(url))
                    .addProperty(
                            Dcat.mediaType, typed(model, Vocab.IANA_MEDIA_TYPES + download.mediaType(), Dct.MediaType))
                    .addProperty(Dct.format, fileType(model, download.label(), download.mediaType()))
                    .addProperty(Dct.license, licence(model))
                    .addProperty(Dct.rights, rights(model, DICTIONARY_RIGHTS))
                    .addProperty(Vocab.DcatAp.availability, stable(model));
            addLegislation(model, distribution, release);
            if (download == DownloadFormat.JSON) {
                distribution.addProperty(Dcat.accessService, model.createResource(uris.api()));
            }
            if (dictionary != null) {
                distribution.addProperty(Dct.conformsTo, dictionary);
            }
            node.addProperty(Dcat.distribution, distribution);
        }
    }

    /**
     * The EU file type, labelled with its usual name and typed dct:IMT only: ckanext-dcat shows a
     * format's label only when the first type it reads is dct:IMT (otherwise the whole IRI), and a
     * second type would come first in some serialisations. The subclass statement lets DCAT-AP's
     * range check (dct:format → dct:MediaTypeOrExtent) see it as the media type it is.
     */
    private static Resource fileType(Model model, String label, String mediaType) {
        model.add(Dct.IMT, RDFS.subClassOf, Dct.MediaTypeOrExtent);
        return model.createResource(FILE_TYPE + label.toUpperCase(java.util.Locale.ROOT), Dct.IMT)
                .addProperty(RDFS.label, label)
                .addProperty(RDF.value, mediaType);
    }

    /**
     * The dictionaries are Crown copyright metadata the Ministry of Justice publishes, as GOV.UK
     * content, under the Open Government Licence v3.0. The title is the one CKAN's licence register
     * matches (its URL differs between CKAN versions).
     */
    private static Resource licence(Model model) {
        return model.createResource(OGL, Dct.LicenseDocument)
                .addProperty(Dct.title, text(model, "UK Open Government Licence (OGL)"))
                .addProperty(
                        Dct.type,
                        model.createResource(ATTRIBUTION_LICENCE, Skos.Concept)
                                .addProperty(Skos.prefLabel, text(model, "Attribution")));
    }

    /** Downloads stay at their address: a release's never change, the current release's follow it. */
    private static Resource stable(Model model) {
        return model.createResource(STABLE, Skos.Concept).addProperty(Skos.prefLabel, text(model, "stable"));
    }

    private static final String DICTIONARY_RIGHTS =
            "Open metadata: the dictionary is published under the Open Government Licence v3.0. "
                    + "The records it describes are not public; accredited researchers use them "
                    + "in a secure environment after their project is approved (see the access "
                    + "route on the landing page).";

    private static final String SYNTHETIC_RIGHTS =
            "Open data under the Open Government Licence v3.0: generated from the published dictionary alone, "
                    + "it holds no real records and nothing learned from them.";

    /** A blank node, so that ckanext-dcat shows the statement's text rather than an identifier. */
    private static Resource rights(Model model, String statement) {
        return model.createResource(Dct.RightsStatement).addProperty(RDFS.label, text(model, statement));
    }

    /**
     * Issued when the first of the listed datasets was first published, modified when the last was
     * last published (a harvester asking for every dataset gets the catalogue's own dates).
     */
    private static void addCatalogDates(Model model, Resource catalog, List<PublishedDataset> datasets) {
        datasets.stream()
                .map(d -> d.publications().get(0).at())
                .min(java.util.Comparator.naturalOrder())
                .ifPresent(first -> catalog.addProperty(Dct.issued, dateTime(model, first)));
        datasets.stream()
                .map(PublishedDataset::publishedAt)
                .max(java.util.Comparator.naturalOrder())
                .ifPresent(last -> catalog.addProperty(Dct.modified, dateTime(model, last)));
    }

    /** The synthetic data of the current release as adms:sample distributions: the zip, and each table. */
    private static void addSyntheticSamples(Model model, Routes uris, Resource node, String uri, Release current) {
        List<String> tables = SyntheticData.tables(current.document);
        if (tables.isEmpty()) {
            return;
        }
        node.addProperty(
                Adms.sample,
                sample(
                        model,
                        uri + "#synthetic-zip",
                        "Synthetic data: every table",
                        SyntheticFormat.ZIP,
                        uris.synthetic(current.datasetId, null, null, null),
                        current));
        for (String table : tables) {
            for (SyntheticFormat format : List.of(SyntheticFormat.CSV, SyntheticFormat.PARQUET)) {
                node.addProperty(
                        Adms.sample,
                        sample(
                                model,
                                uri + "#synthetic-" + Routes.segment(table) + "-" + format.extension(),
                                "Synthetic data: " + table,
                                format,
                                uris.synthetic(current.datasetId, null, table, format.extension()),
                                current));
            }
        }
    }

    private static Resource sample(
            Model model, String id, String title, SyntheticFormat format, String url, Release release) {
        Resource sample = model.createResource(id, Dcat.Distribution)
                .addProperty(Vocab.DcatAp.availability, stable(model))
                .addProperty(Dct.title, text(model, title + " (" + format.label() + ")"))
                .addProperty(Dct.description, text(model, SyntheticData.STATEMENT))
                .addProperty(Dcat.accessURL, model.createResource(url))
                .addProperty(Dcat.downloadURL, model.createResource(url))
                .addProperty(Dcat.mediaType, typed(model, Vocab.IANA_MEDIA_TYPES + format.mediaType(), Dct.MediaType))
                .addProperty(Dct.format, fileType(model, format.label(), format.mediaType()))
                .addProperty(Dct.license, licence(model))
                .addProperty(Dct.rights, rights(model, SYNTHETIC_RIGHTS));
        addLegislation(model, sample, release);
        return sample;
    }

    /**
     * HealthDCAT-AP wants the legislation on each distribution too; as in its own examples, a
     * distribution carries the Acts that govern its dataset.
     */
    private static void addLegislation(Model model, Resource distribution, Release release) {
        release.document
                .legislation()
                .forEach(act -> distribution.addProperty(DcatAp.applicableLegislation, legislation(model, act)));
    }

    /** An Act by its legislation.gov.uk identifier, typed as DCAT-AP's range (ELI legal resource) asks. */
    private static Resource legislation(Model model, DatasetDocument.Legislation act) {
        return model.createResource(act.uri(), Eli.LegalResource).addProperty(Dct.title, text(model, act.title()));
    }

    private static Resource dataService(Model model, Routes uris) {
        return model.createResource(uris.api(), Dcat.DataService)
                .addProperty(Dct.conformsTo, model.createResource(OPENAPI, Dct.Standard))
                .addProperty(Dct.publisher, ministry(model, uris))
                .addProperty(
                        Dcat.contactPoint,
                        model.createResource(uris.api() + "#contact", Vcard.Kind)
                                .addProperty(RDF.type, Vcard.Organization)
                                .addProperty(Vcard.fn, "Data First team, Ministry of Justice")
                                .addProperty(Vcard.hasEmail, model.createResource("mailto:" + CONTACT)))
                .addProperty(Dcat.keyword, text(model, "Data First"))
                .addProperty(Dcat.keyword, text(model, "data catalogue"))
                .addProperty(Dcat.keyword, text(model, "metadata"))
                .addProperty(Dcat.theme, justiceTheme(model))
                .addProperty(Dct.title, text(model, "Data First Catalogue API"))
                .addProperty(
                        Dct.description,
                        text(
                                model,
                                "REST API (JSON, OpenAPI 3) over the catalogue: datasets, "
                                        + "tables, variables, lookups and releases."))
                .addProperty(Dcat.endpointURL, model.createResource(uris.api()))
                .addProperty(Dcat.endpointDescription, model.createResource(uris.apiDescription()))
                .addProperty(Dct.accessRights, typed(model, ACCESS_RIGHT + "PUBLIC", Dct.RightsStatement));
    }

    private static Resource temporal(Model model, String datasetUri, int number, CoverageDocument period) {
        Resource node = model.createResource(datasetUri + "#coverage-" + number, Dct.PeriodOfTime)
                .addProperty(Dcat.startDate, date(model, period.start()))
                .addProperty(RDFS.label, text(model, join(period.basis(), period.notes())));
        if (period.end() != null) {
            node.addProperty(Dcat.endDate, date(model, period.end()));
        }
        return node;
    }

    /** The publisher of the catalogue and its API. */
    private static Resource ministry(Model model, Routes uris) {
        return publisher(
                model, uris, "Ministry of Justice", "https://www.gov.uk/government/organisations/ministry-of-justice");
    }

    private static Resource publisher(Model model, Routes uris, String name, String homepage) {
        Resource agent = model.createResource(uris.publisher(name), Foaf.Agent)
                .addProperty(RDF.type, Foaf.Organization)
                .addProperty(Foaf.name, text(model, name))
                .addProperty(
                        Dct.type,
                        model.createResource("http://purl.org/adms/publishertype/NationalAuthority", Skos.Concept));
        model.getResource("http://purl.org/adms/publishertype/NationalAuthority")
                .addProperty(Skos.prefLabel, text(model, "National authority"));
        agent.addProperty(
                Cv.contactPoint,
                model.createResource(agent.getURI() + "#contact", Cv.ContactPoint)
                        .addProperty(Cv.email, CONTACT));
        if (homepage != null) {
            agent.addProperty(Foaf.homepage, document(model, homepage));
        }
        return agent;
    }

    private static Resource contact(Model model, String datasetUri, Release release) {
        return model.createResource(datasetUri + "#contact", Vcard.Kind)
                .addProperty(RDF.type, Vcard.Organization)
                .addProperty(Vcard.fn, release.document.contact().name())
                .addProperty(
                        Vcard.hasEmail,
                        model.createResource(
                                "mailto:" + release.document.contact().email()));
    }

    private static Resource themeScheme(Model model) {
        return model.createResource(DATA_THEME, Skos.ConceptScheme).addProperty(Dct.title, text(model, "Data theme"));
    }

    private static Resource justiceTheme(Model model) {
        return model.createResource(JUSTICE_THEME, Skos.Concept)
                .addProperty(Skos.prefLabel, text(model, "Justice, legal system and public safety"))
                .addProperty(Skos.inScheme, themeScheme(model));
    }

    static String accessRight(String value) {
        return switch (value) {
            case "public" -> "PUBLIC";
            case "restricted" -> "RESTRICTED";
            default -> "NON_PUBLIC";
        };
    }

    private static Resource typed(Model model, String uri, Resource type) {
        return model.createResource(uri, type);
    }

    private static Resource document(Model model, String uri) {
        return model.createResource(uri, Foaf.Document);
    }

    static Literal text(Model model, String value) {
        return model.createLiteral(value, LANG);
    }

    /** A date as precisely as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
    static Literal partialDate(Model model, String value) {
        if (value == null) {
            return null;
        }
        XSDDatatype type = switch (value.length()) {
            case 4 -> XSDDatatype.XSDgYear;
            case 7 -> XSDDatatype.XSDgYearMonth;
            default -> XSDDatatype.XSDdate;
        };
        return model.createTypedLiteral(value, type);
    }

    static Literal date(Model model, LocalDate value) {
        return model.createTypedLiteral(value.toString(), XSDDatatype.XSDdate);
    }

    static Literal dateTime(Model model, OffsetDateTime value) {
        return model.createTypedLiteral(
                value.withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                XSDDatatype.XSDdateTime);
    }

    private static String join(String first, String second) {
        if (second == null || second.isBlank()) {
            return first;
        }
        return first == null || first.isBlank() ? second : first + ". " + second;
    }
}
