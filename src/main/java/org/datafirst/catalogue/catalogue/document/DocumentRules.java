package org.datafirst.catalogue.catalogue.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * The rules a schema cannot express: unique names, references that must resolve, sensible dates.
 * Pure functions over documents, so uploads and the write API share them with the source loader.
 */
public final class DocumentRules {

    private DocumentRules() {}

    /**
     * @param sharedLookups lookups defined outside the document, by id
     * @return every broken rule, each with a JSON pointer into the document
     */
    public static List<ProblemError> check(
            DatasetDocument doc, Map<String, LookupDocument> sharedLookups, String location) {
        List<ProblemError> errors = new ArrayList<>();
        Set<String> sourceIds = new HashSet<>();
        for (int i = 0; i < doc.sources().size(); i++) {
            if (!sourceIds.add(doc.sources().get(i).id())) {
                errors.add(error(
                        location,
                        "/sources/" + i + "/id",
                        "duplicate source id '" + doc.sources().get(i).id() + "'"));
            }
        }
        if (doc.deliveryLeadTime() != null) {
            checkSource(doc.deliveryLeadTime().source(), sourceIds, location, "/deliveryLeadTime/source", errors);
        }
        for (int i = 0; i < doc.observations().size(); i++) {
            checkSource(
                    doc.observations().get(i).source(), sourceIds, location, "/observations/" + i + "/source", errors);
        }
        for (int i = 0; i < doc.legislation().size(); i++) {
            checkSource(
                    doc.legislation().get(i).source(), sourceIds, location, "/legislation/" + i + "/source", errors);
        }
        for (int i = 0; i < doc.coverage().size(); i++) {
            CoverageDocument c = doc.coverage().get(i);
            if (c.end() != null && c.end().isBefore(c.start())) {
                errors.add(
                        error(location, "/coverage/" + i + "/end", "end " + c.end() + " is before start " + c.start()));
            }
            if (c.linkableUntil() != null && c.linkableUntil().isBefore(c.start())) {
                errors.add(error(location, "/coverage/" + i + "/linkableUntil", "is before start " + c.start()));
            }
        }
        Set<String> localLookups = new HashSet<>();
        for (int i = 0; i < doc.lookups().size(); i++) {
            LookupDocument lookup = doc.lookups().get(i);
            String pointer = "/lookups/" + i;
            if (!localLookups.add(lookup.id())) {
                errors.add(error(location, pointer + "/id", "duplicate lookup id '" + lookup.id() + "'"));
            } else if (sharedLookups.containsKey(lookup.id())) {
                errors.add(error(
                        location,
                        pointer + "/id",
                        "lookup id '" + lookup.id() + "' is already defined by a shared lookup file"));
            }
            errors.addAll(checkLookup(lookup, location, pointer));
        }
        Set<String> tableNames = new HashSet<>();
        for (int t = 0; t < doc.tables().size(); t++) {
            TableDocument table = doc.tables().get(t);
            String tablePointer = "/tables/" + t;
            if (!tableNames.add(table.name().toLowerCase())) {
                errors.add(error(location, tablePointer + "/name", "duplicate table name '" + table.name() + "'"));
            }
            checkSource(table.source(), sourceIds, location, tablePointer + "/source", errors);
            Set<String> variableNames = new HashSet<>();
            for (int v = 0; v < table.variables().size(); v++) {
                VariableDocument variable = table.variables().get(v);
                String pointer = tablePointer + "/variables/" + v;
                if (!variableNames.add(variable.name().toLowerCase())) {
                    errors.add(error(
                            location,
                            pointer + "/name",
                            "duplicate variable name '" + variable.name() + "' in table '" + table.name() + "'"));
                }
                checkSource(variable.source(), sourceIds, location, pointer + "/source", errors);
                if (variable.lookup() != null
                        && !localLookups.contains(variable.lookup())
                        && !sharedLookups.containsKey(variable.lookup())) {
                    errors.add(error(
                            location,
                            pointer + "/lookup",
                            "lookup '" + variable.lookup()
                                    + "' is not defined in this file nor in the shared lookups"));
                }
            }
        }
        return errors;
    }

    /** Codes must be unique within a lookup. */
    public static List<ProblemError> checkLookup(LookupDocument lookup, String location, String pointer) {
        List<ProblemError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int c = 0; c < lookup.codes().size(); c++) {
            String code = lookup.codes().get(c).code();
            if (!codes.add(code)) {
                errors.add(error(
                        location,
                        pointer + "/codes/" + c + "/code",
                        "duplicate code '" + code + "' in lookup '" + lookup.id() + "'"));
            }
        }
        return errors;
    }

    private static void checkSource(
            String ref, Set<String> sourceIds, String location, String pointer, List<ProblemError> errors) {
        if (ref != null && !sourceIds.contains(ref)) {
            errors.add(error(location, pointer, "source '" + ref + "' is not one of this dataset's sources"));
        }
    }

    private static ProblemError error(String location, String pointer, String message) {
        return new ProblemError(location, pointer, message);
    }
}
