package org.datafirst.catalogue.catalogue.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.config.Json;

/**
 * The structured difference between two versions of a dataset's dictionary: dataset fields,
 * coverage periods, tables, variables, lookups and codes, each added / removed / changed with
 * before and after. Tables, variables, lookups and codes are matched by name; coverage by start
 * date and basis. A pure function of its two documents.
 */
public record DocumentDiff(
        List<Change> dataset,
        List<Change> coverage,
        List<Change> tables,
        List<Change> variables,
        List<Change> lookups,
        List<Change> codes) {

    public boolean isEmpty() {
        return dataset.isEmpty()
                && coverage.isEmpty()
                && tables.isEmpty()
                && variables.isEmpty()
                && lookups.isEmpty()
                && codes.isEmpty();
    }

    public int size() {
        return dataset.size() + coverage.size() + tables.size() + variables.size() + lookups.size() + codes.size();
    }

    public static DocumentDiff between(DatasetDocument before, DatasetDocument after) {
        ObjectNode b = Json.EVERY_FIELD.valueToTree(before);
        ObjectNode a = Json.EVERY_FIELD.valueToTree(after);
        List<Change> dataset = new ArrayList<>();
        fields(b, a, "", Set.of("coverage", "tables", "lookups"), dataset);

        List<Change> coverage = new ArrayList<>();
        keyed(
                b.path("coverage"),
                a.path("coverage"),
                c -> c.path("start").asText() + " " + c.path("basis").asText(),
                "coverage/",
                Set.of(),
                coverage,
                (x, y, path) -> {});

        List<Change> tables = new ArrayList<>();
        List<Change> variables = new ArrayList<>();
        keyed(
                b.path("tables"),
                a.path("tables"),
                t -> t.path("name").asText(),
                "tables/",
                Set.of("variables"),
                tables,
                (x, y, path) -> keyed(
                        x.path("variables"),
                        y.path("variables"),
                        v -> v.path("name").asText(),
                        path + "/variables/",
                        Set.of(),
                        variables,
                        (p, q, r) -> {}));

        List<Change> lookups = new ArrayList<>();
        List<Change> codes = new ArrayList<>();
        keyed(
                b.path("lookups"),
                a.path("lookups"),
                l -> l.path("id").asText(),
                "lookups/",
                Set.of("codes"),
                lookups,
                (x, y, path) -> keyed(
                        x.path("codes"),
                        y.path("codes"),
                        c -> c.path("code").asText(),
                        path + "/codes/",
                        Set.of(),
                        codes,
                        (p, q, r) -> {}));
        return new DocumentDiff(dataset, coverage, tables, variables, lookups, codes);
    }

    /** What to compare inside two matched items (or an added/removed one against nothing). */
    private interface Nested {
        void compare(JsonNode before, JsonNode after, String path);
    }

    private static void keyed(
            JsonNode before,
            JsonNode after,
            Function<JsonNode, String> key,
            String prefix,
            Set<String> nestedFields,
            List<Change> out,
            Nested nested) {
        Map<String, JsonNode> b = byKey(before, key);
        Map<String, JsonNode> a = byKey(after, key);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (String k : keys) {
            String path = prefix + k;
            JsonNode x = b.get(k);
            JsonNode y = a.get(k);
            if (x == null) {
                out.add(new Change(path, Change.Kind.added, null, without(y, nestedFields)));
                nested.compare(Json.EVERY_FIELD.createObjectNode(), y, path);
            } else if (y == null) {
                out.add(new Change(path, Change.Kind.removed, without(x, nestedFields), null));
                nested.compare(x, Json.EVERY_FIELD.createObjectNode(), path);
            } else {
                fields(x, y, path + "/", nestedFields, out);
                nested.compare(x, y, path);
            }
        }
    }

    private static void fields(JsonNode before, JsonNode after, String prefix, Set<String> skip, List<Change> out) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (skip.contains(name)) {
                continue;
            }
            JsonNode x = before.get(name);
            JsonNode y = after.get(name);
            if (x == null || x.isNull()) {
                if (y != null && !y.isNull()) {
                    out.add(new Change(prefix + name, Change.Kind.added, null, y));
                }
            } else if (y == null || y.isNull()) {
                out.add(new Change(prefix + name, Change.Kind.removed, x, null));
            } else if (!x.equals(y)) {
                out.add(new Change(prefix + name, Change.Kind.changed, x, y));
            }
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode items, Function<JsonNode, String> key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            map.putIfAbsent(key.apply(item), item);
        }
        return map;
    }

    private static JsonNode without(JsonNode node, Set<String> fields) {
        if (fields.isEmpty() || !node.isObject()) {
            return node;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(fields);
        return copy;
    }
}
