package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Disclosure control for published figures. A count of 1 to {@code minimum - 1} people or pairs is
 * never published: it becomes {@code {"suppressed": true, "reason": "count below 10"}}. Zero is
 * published (it describes nobody). A rate is suppressed when its numerator, its complement
 * (denominator − numerator) or its denominator would be suppressed, because a published rate and a
 * published denominator give the small count back.
 */
public final class Disclosure {

    public static final String SMALL_COUNT = "count below ";
    public static final String DERIVED = "derived from a count below ";

    private final int minimum;
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    public Disclosure(int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum count must be at least 1");
        }
        this.minimum = minimum;
    }

    public int minimum() {
        return minimum;
    }

    public boolean isSmall(long count) {
        return count > 0 && count < minimum;
    }

    /** A count, or a suppression marker. */
    public JsonNode count(long n) {
        return isSmall(n) ? suppressed(SMALL_COUNT + minimum) : f.numberNode(n);
    }

    /** numerator / denominator, suppressed if any of numerator, complement or denominator is small. */
    public JsonNode rate(long numerator, long denominator) {
        if (isSmall(numerator) || isSmall(denominator - numerator) || isSmall(denominator)) {
            return suppressed(DERIVED + minimum);
        }
        if (denominator == 0) {
            return f.nullNode();
        }
        return f.numberNode(round((double) numerator / denominator, 6));
    }

    /**
     * Counts that add up to a known total (a distribution): the small ones are suppressed, then the
     * smallest of the others too until the suppressed cells together are not small, so the total minus
     * the published cells never gives a small count back.
     */
    public ObjectNode distribution(java.util.Map<String, Long> cells) {
        java.util.Set<String> hidden = new java.util.HashSet<>();
        long hiddenSum = 0;
        for (var e : cells.entrySet()) {
            if (isSmall(e.getValue())) {
                hidden.add(e.getKey());
                hiddenSum += e.getValue();
            }
        }
        while (isSmall(hiddenSum)) {
            String next = null;
            for (var e : cells.entrySet()) {
                if (e.getValue() > 0 && !hidden.contains(e.getKey()) && (next == null || e.getValue() < cells.get(next))) {
                    next = e.getKey();
                }
            }
            if (next == null) {
                break;
            }
            hidden.add(next);
            hiddenSum += cells.get(next);
        }
        ObjectNode out = f.objectNode();
        for (var e : cells.entrySet()) {
            out.set(e.getKey(), !hidden.contains(e.getKey()) ? f.numberNode(e.getValue())
                    : isSmall(e.getValue()) ? suppressed(SMALL_COUNT + minimum) : suppressed(DERIVED + minimum));
        }
        return out;
    }

    /** A model-based figure (e.g. expected false matches) resting on {@code basisCount} pairs. */
    public JsonNode estimate(double value, long basisCount) {
        if (isSmall(basisCount)) {
            return suppressed(DERIVED + minimum);
        }
        return f.numberNode(round(value, 3));
    }

    public ObjectNode suppressed(String reason) {
        ObjectNode o = f.objectNode();
        o.put("suppressed", true);
        o.put("reason", reason);
        return o;
    }

    static double round(double v, int places) {
        double s = Math.pow(10, places);
        return Math.round(v * s) / s;
    }
}
