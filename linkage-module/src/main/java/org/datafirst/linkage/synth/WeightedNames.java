package org.datafirst.linkage.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A list of names with sampling weights; draws by binary search over the cumulative weights. */
final class WeightedNames {

    private final List<String> names;
    private final double[] cumulative;

    private WeightedNames(List<String> names, double[] weights) {
        this.names = List.copyOf(names);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Weight of the name at rank r (1-based) is {@code rankWeight.applyAsDouble(r)}. */
    static WeightedNames byRank(List<String> names, java.util.function.IntToDoubleFunction rankWeight) {
        double[] w = new double[names.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rankWeight.applyAsDouble(i + 1);
        }
        return new WeightedNames(names, w);
    }

    String draw(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        int at = i >= 0 ? i + 1 : -i - 1;
        return names.get(Math.min(at, names.size() - 1));
    }
}
