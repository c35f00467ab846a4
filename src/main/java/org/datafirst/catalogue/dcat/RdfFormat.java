package org.datafirst.catalogue.dcat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The RDF serialisations served, with their file extension and media type. */
public enum RdfFormat {
    TURTLE("ttl", "text/turtle", "Turtle", RDFFormat.TURTLE_BLOCKS, Lang.TURTLE),
    JSON_LD("jsonld", "application/ld+json", "JSON-LD", RDFFormat.JSONLD11, Lang.JSONLD11),
    RDF_XML("rdf", "application/rdf+xml", "RDF/XML", RDFFormat.RDFXML_PLAIN, Lang.RDFXML),
    N_TRIPLES("nt", "application/n-triples", "N-Triples", RDFFormat.NTRIPLES_UTF8, Lang.NTRIPLES);

    /** The media types, for @Produces: keep in the order above (Turtle first = the default). */
    public static final String TURTLE_TYPE = "text/turtle";

    public static final String JSON_LD_TYPE = "application/ld+json";
    public static final String RDF_XML_TYPE = "application/rdf+xml";
    public static final String N_TRIPLES_TYPE = "application/n-triples";

    private final String extension;
    private final String mediaType;
    private final String label;
    private final RDFFormat writer;
    private final Lang lang;

    RdfFormat(String extension, String mediaType, String label, RDFFormat writer, Lang lang) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
        this.writer = writer;
        this.lang = lang;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    RDFFormat writer() {
        return writer;
    }

    Lang lang() {
        return lang;
    }

    public static Optional<RdfFormat> fromExtension(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The format of a media type (parameters ignored), e.g. "text/turtle; charset=utf-8". */
    public static Optional<RdfFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }
}
