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
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.document.CoverageDocument;
import org.datafirst.catalogue.dcat.Vocab.Adms;
import org.datafirst.catalogue.dcat.Vocab.Dcat;
import org.datafirst.catalogue.dcat.Vocab.Dct;
import org.datafirst.catalogue.dcat.Vocab.Foaf;
import org.datafirst.catalogue.dcat.Vocab.Skos;
import org.datafirst.catalogue.dcat.Vocab.Vcard;
import org.datafirst.catalogue.http.DownloadFormat;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.synthetic.SyntheticData;
import org.datafirst.catalogue.synthetic.SyntheticFormat;

/**
 * Catalogue content → DCAT-AP 3 (a pure function: same input, same graph). Every node has a URI
 * (hash URIs under the dataset or release), so graphs compare cheaply and harvesters can keep
 * references. Release nodes are typed dcat:Resource, not dcat:Dataset, so harvesters that take
 * every dcat:Dataset (ckanext-dcat) import each dataset once, not once per release.
 */
public final class DcatMapper {

    static final String LANG = "en";

    private static final String ACCESS_RIGHT = Vocab.EU_AUTHORITY + "access-right/";
    private static final String DATA_THEME = Vocab.EU_AUTHORITY + "data-theme";
    private static final String JUSTICE_THEME = DATA_THEME + "/JUST";
    private static final String ENGLISH = Vocab.EU_AUTHORITY + "language/ENG";
    private static final String FILE_TYPE = Vocab.EU_AUTHORITY + "file-type/";
    private static final String UK = "http://publications.europa.eu/resource/authority/country/GBR";

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
                .addProperty(
                        Dct.publisher,
                        publisher(
                                model,
                                uris,
                                "Ministry of Justice",
                                "https://www.gov.uk/government/organisations/ministry-of-justice"))
                .addProperty(Foaf.homepage, document(model, uris.base() + "/"))
                .addProperty(Dct.language, typed(model, ENGLISH, Dct.LinguisticSystem))
                .addProperty(Dcat.themeTaxonomy, themeScheme(model));
        Resource service = dataService(model, uris);
        catalog.addProperty(Dcat.service, service);
        for (PublishedDataset dataset : datasets) {
            Resource node = dataset(model, uris, dataset);
            catalog.addProperty(Dcat.dataset, node);
            service.addProperty(Dcat.servesDataset, node);
        }
        return model;
    }

    /** One dataset on its own: the same description the catalogue holds, plus the data service. */
    public static Model dataset(Routes uris, PublishedDataset dataset) {
        Model model = newModel();
        Resource node = dataset(model, uris, dataset);
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
                .setNsPrefix("xsd", XSD.NS)
                .setNsPrefix("rdfs", RDFS.uri);
        return model;
    }

    private static Resource dataset(Model model, Routes uris, PublishedDataset dataset) {
        Release current = dataset.current();
        String uri = uris.dataset(dataset.id());
        Resource node = model.createResource(uri, Dcat.Dataset)
                .addProperty(Dct.identifier, dataset.id())
                .addProperty(Dct.title, text(model, current.title()))
                .addProperty(Dct.description, text(model, current.document.description()))
                .addProperty(
                        Dct.publisher,
                        publisher(
                                model,
                                uris,
                                current.document.publisher().name(),
                                current.document.publisher().url()))
                .addProperty(Dcat.contactPoint, contact(model, uri, current))
                .addProperty(Dcat.theme, justiceTheme(model))
                .addProperty(
                        Dct.accessRights,
                        typed(model, ACCESS_RIGHT + accessRight(current.document.accessRights()), Dct.RightsStatement))
                .addProperty(Dct.language, typed(model, ENGLISH, Dct.LinguisticSystem))
                .addProperty(Dct.spatial, typed(model, UK, Dct.Location))
                .addProperty(Dcat.landingPage, document(model, uri))
                .addProperty(Dct.issued, date(model, dataset.releases().get(0).issued))
                .addProperty(Dct.modified, dateTime(model, current.createdAt))
                .addProperty(Dcat.version, String.valueOf(current.version));
        current.document.alternativeTitles().forEach(title -> node.addProperty(Dct.alternative, text(model, title)));
        current.document.keywords().forEach(keyword -> node.addProperty(Dcat.keyword, text(model, keyword)));
        if (current.changeNotes() != null) {
            node.addProperty(Adms.versionNotes, text(model, current.changeNotes()));
        }
        if (current.document.linkageNotes() != null || current.document.dictionaryCompleteness() != null) {
            node.addProperty(
                    Dct.provenance,
                    model.createResource(uri + "#provenance", Dct.ProvenanceStatement)
                            .addProperty(
                                    RDFS.label,
                                    text(
                                            model,
                                            join(
                                                    current.document.dictionaryCompleteness(),
                                                    current.document.linkageNotes()))));
        }
        List<CoverageDocument> coverage = current.document.coverage();
        for (int i = 0; i < coverage.size(); i++) {
            node.addProperty(Dct.temporal, temporal(model, uri, i + 1, coverage.get(i)));
        }
        Resource dictionary = StructureMapper.dictionary(model, uris, dataset);
        node.addProperty(Dct.conformsTo, dictionary);
        addDistributions(model, uris, node, uri, dataset.id(), null, dictionary);
        addSyntheticSamples(model, uris, node, uri, current);

        for (Release release : dataset.releases()) {
            Resource version = release(model, uris, dataset, release);
            node.addProperty(Dcat.hasVersion, version);
            if (release.version == current.version) {
                node.addProperty(Dcat.hasCurrentVersion, version);
            }
        }
        return node;
    }

    private static Resource release(Model model, Routes uris, PublishedDataset dataset, Release release) {
        String uri = uris.release(dataset.id(), release.version);
        Resource node = model.createResource(uri, Vocab.r(Vocab.DCAT_NS + "Resource"))
                .addProperty(Dct.title, text(model, release.title() + " (release " + release.version + ")"))
                .addProperty(Dct.description, text(model, release.document.description()))
                .addProperty(Dcat.version, String.valueOf(release.version))
                .addProperty(Dct.issued, date(model, release.issued))
                .addProperty(Dct.identifier, dataset.id() + "/releases/" + release.version);
        if (release.changeNotes() != null) {
            node.addProperty(Adms.versionNotes, text(model, release.changeNotes()));
        }
        dataset.previous(release)
                .ifPresent(previous -> node.addProperty(
                        Dcat.previousVersion, model.createResource(uris.release(dataset.id(), previous.version))));
        addDistributions(model, uris, node, uri, dataset.id(), release.version, null);
        return node;
    }

    /** One distribution per download format, of the current release (version null) or of one release. */
    private static void addDistributions(
            Model model,
            Routes uris,
            Resource node,
            String uri,
            String datasetId,
            Integer version,
            Resource dictionary) {
        for (DownloadFormat download : DownloadFormat.values()) {
            String url = uris.download(datasetId, version, download, "variables");
            Resource distribution = model.createResource(
                            uri + "#" + download.name().toLowerCase(java.util.Locale.ROOT), Dcat.Distribution)
                    .addProperty(Dct.title, text(model, "Data dictionary (" + download.label() + ")"))
                    .addProperty(Dcat.accessURL, model.createResource(url))
                    .addProperty(Dcat.downloadURL, model.createResource(url))
                    .addProperty(
                            Dcat.mediaType, typed(model, Vocab.IANA_MEDIA_TYPES + download.mediaType(), Dct.MediaType))
                    .addProperty(Dct.format, typed(model, FILE_TYPE + download.label(), Dct.MediaTypeOrExtent));
            if (download == DownloadFormat.JSON) {
                distribution.addProperty(Dcat.accessService, model.createResource(uris.api()));
            }
            if (dictionary != null) {
                distribution.addProperty(Dct.conformsTo, dictionary);
            }
            node.addProperty(Dcat.distribution, distribution);
        }
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
                        uris.synthetic(current.datasetId, null, null, null)));
        for (String table : tables) {
            for (SyntheticFormat format : List.of(SyntheticFormat.CSV, SyntheticFormat.PARQUET)) {
                node.addProperty(
                        Adms.sample,
                        sample(
                                model,
                                uri + "#synthetic-" + Routes.segment(table) + "-" + format.extension(),
                                "Synthetic data: " + table,
                                format,
                                uris.synthetic(current.datasetId, null, table, format.extension())));
            }
        }
    }

    private static Resource sample(Model model, String id, String title, SyntheticFormat format, String url) {
        return model.createResource(id, Dcat.Distribution)
                .addProperty(Dct.title, text(model, title + " (" + format.label() + ")"))
                .addProperty(Dct.description, text(model, SyntheticData.STATEMENT))
                .addProperty(Dcat.accessURL, model.createResource(url))
                .addProperty(Dcat.downloadURL, model.createResource(url))
                .addProperty(Dcat.mediaType, typed(model, Vocab.IANA_MEDIA_TYPES + format.mediaType(), Dct.MediaType))
                .addProperty(
                        Dct.format,
                        typed(
                                model,
                                FILE_TYPE + format.label().toUpperCase(java.util.Locale.ROOT),
                                Dct.MediaTypeOrExtent));
    }

    private static Resource dataService(Model model, Routes uris) {
        return model.createResource(uris.api(), Dcat.DataService)
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

    private static Resource publisher(Model model, Routes uris, String name, String homepage) {
        Resource agent = model.createResource(uris.publisher(name), Foaf.Agent)
                .addProperty(RDF.type, Foaf.Organization)
                .addProperty(Foaf.name, text(model, name))
                .addProperty(
                        Dct.type,
                        model.createResource("http://purl.org/adms/publishertype/NationalAuthority", Skos.Concept));
        model.getResource("http://purl.org/adms/publishertype/NationalAuthority")
                .addProperty(Skos.prefLabel, text(model, "National authority"));
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
