package org.datafirst.catalogue.catalogue;

/** A variable of a current release: where a variable name is used across datasets. */
public record VariablePlace(String datasetId, String datasetTitle, String table, String variable) {}
