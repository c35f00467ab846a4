package org.datafirst.catalogue.catalogue;

import java.util.List;

/** A code value whose label, code or description matches a search, with the variables that use its lookup. */
public record CodeHit(String lookupId, String lookupTitle, String code, String highlight, List<String> usedIn) {}
