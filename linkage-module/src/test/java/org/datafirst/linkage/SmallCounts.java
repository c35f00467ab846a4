package org.datafirst.linkage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds published counts from 1 to 9 in a report: the disclosure rule every report must keep. */
public final class SmallCounts {

    private SmallCounts() {}

    /** Every integral number under a count-like key (not provenance, weights or the rule itself) that is 1 to 9, with its path. */
    public static List<String> in(JsonNode report) {
        List<String> offending = new ArrayList<>();
        walk(report, "$", offending);
        return offending;
    }

    private static void walk(JsonNode n, String path, List<String> offending) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                String p = path + "." + e.getKey();
                JsonNode v = e.getValue();
                boolean countKey =
                        !p.contains("provenance") && !p.contains("weight") && !p.contains("disclosure_control");
                if (countKey && v.isIntegralNumber() && v.asLong() > 0 && v.asLong() < 10) {
                    offending.add(p + "=" + v);
                }
                walk(v, p, offending);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", offending);
            }
        }
    }
}
