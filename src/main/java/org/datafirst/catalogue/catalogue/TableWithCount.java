package org.datafirst.catalogue.catalogue;

/** A table with its number of variables (lists of tables show the count, not the variables). */
public record TableWithCount(DataTable table, long variableCount) {}
