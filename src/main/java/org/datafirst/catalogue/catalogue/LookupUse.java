package org.datafirst.catalogue.catalogue;

/** A variable of a current release that uses a lookup (any version of it). */
public record LookupUse(
        String lookupId, long lookupVersionId, String datasetId, String tableName, String variableName) {}
