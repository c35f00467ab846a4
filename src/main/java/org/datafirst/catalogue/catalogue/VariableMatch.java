package org.datafirst.catalogue.catalogue;

import java.util.List;

/** A variable found by catalogue-wide search, with the lookup codes whose labels matched. */
public record VariableMatch(Variable variable, List<LookupCode> matchedCodes) {
}
