package org.datafirst.catalogue.catalogue;

import java.util.List;

/**
 * A variable found by catalogue-wide search, with the lookup codes whose labels matched and its
 * highlighted label and description (null without a query; see {@link SearchResult#MARK_START}).
 */
public record VariableMatch(Variable variable, List<LookupCode> matchedCodes, String highlight) {}
