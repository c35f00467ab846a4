package org.datafirst.catalogue.catalogue;

/** A table whose name, grain or description matches a search, with its highlighted text. */
public record TableHit(
        String datasetId, String datasetTitle, String table, String grain, String highlight, long variableCount) {}
