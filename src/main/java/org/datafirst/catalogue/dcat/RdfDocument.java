package org.datafirst.catalogue.dcat;

/** Serialised RDF ready to send: its media type and bytes (UTF-8). */
public record RdfDocument(String mediaType, byte[] body) {}
