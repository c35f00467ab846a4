// Helper of bench/pair_growth.sh, run with the CLI jar on the class path
// (java -cp linkage-cli.jar PairGrowth.java SETTINGS FILE...; the files in increasing size):
// loads each file as `run` does and counts, per blocking rule, the candidate pairs it generates (rule i skips the
// pairs of rules before it, as predict does) and the pairs of the rule on its own; then prints the growth factor
// and the exponent k of pairs ∝ records^k between consecutive sizes, and the pairs at 110M records extrapolated
// with the last exponent.
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.datafirst.linkage.engine.DuckDbEngine;
import org.datafirst.linkage.engine.EngineOptions;
import org.datafirst.linkage.pipeline.Blocking;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;

public class PairGrowth {
    static final double TARGET = 110_000_000d;

    public static void main(String[] a) throws Exception {
        LinkageSettings settings = SettingsParser.parse(Path.of(a[0]));
        List<BlockingRule> rules = settings.blockingRules();
        String memory = System.getenv().getOrDefault("LINKAGE_MEMORY_LIMIT", "8GB");
        int threads = Integer.parseInt(System.getenv().getOrDefault("LINKAGE_THREADS", "2"));
        List<Long> sizes = new ArrayList<>();
        List<long[]> generated = new ArrayList<>();
        for (int f = 1; f < a.length; f++) {
            try (DuckDbEngine db = DuckDbEngine.open(new EngineOptions(threads, memory, null))) {
                long started = System.nanoTime();
                long records = LoadStep.run(db, settings, List.of(InputSource.parse(a[f])));
                long[] gen = new long[rules.size()];
                long[] own = new long[rules.size()];
                for (int i = 0; i < rules.size(); i++) {
                    String join = "SELECT count(*) FROM " + LoadStep.TABLE + " l JOIN " + LoadStep.TABLE + " r ON ";
                    gen[i] = db.queryLong(join + Blocking.ruleCondition(rules, i, settings.linkType(), db.dialect()));
                    own[i] = db.queryLong(join + rules.get(i).sql(db.dialect()) + " AND "
                            + Blocking.pairFilter(settings.linkType()));
                    System.out.printf(Locale.ROOT, "%,12d records  rule %d  generated %,14d  on its own %,14d  %s%n",
                            records, i, gen[i], own[i], rules.get(i).sql(db.dialect()));
                }
                System.out.printf(Locale.ROOT, "%,12d records  all rules     %,14d pairs (%.1f per record), counted in %.1f s%n",
                        records, sum(gen), (double) sum(gen) / records, (System.nanoTime() - started) / 1e9);
                sizes.add(records);
                generated.add(gen);
            }
        }
        for (int s = 1; s < sizes.size(); s++) {
            double n = (double) sizes.get(s) / sizes.get(s - 1);
            System.out.printf(Locale.ROOT, "growth %,d -> %,d records (x%.2f):%n", sizes.get(s - 1), sizes.get(s), n);
            for (int i = 0; i <= rules.size(); i++) {
                long before = i < rules.size() ? generated.get(s - 1)[i] : sum(generated.get(s - 1));
                long after = i < rules.size() ? generated.get(s)[i] : sum(generated.get(s));
                double g = (double) after / before;
                System.out.printf(Locale.ROOT, "  %-9s generated pairs x%.2f, k = %.3f%n",
                        i < rules.size() ? "rule " + i : "all rules", g, Math.log(g) / Math.log(n));
            }
        }
        if (sizes.size() > 1) {
            int last = sizes.size() - 1;
            double n = (double) sizes.get(last) / sizes.get(last - 1);
            double toTarget = TARGET / sizes.get(last);
            System.out.printf(Locale.ROOT,
                    "110M records, each rule's pairs extrapolated from %,d records with its last exponent k"
                            + " (pairs ∝ records^k):%n", sizes.get(last));
            double total = 0;
            for (int i = 0; i < rules.size(); i++) {
                double k = Math.log((double) generated.get(last)[i] / generated.get(last - 1)[i]) / Math.log(n);
                double pairs = generated.get(last)[i] * Math.pow(toTarget, k);
                total += pairs;
                System.out.printf(Locale.ROOT, "  rule %d  k = %.3f  %,.0f pairs%n", i, k, pairs);
            }
            System.out.printf(Locale.ROOT, "  all rules  %,.0f pairs (%.1f per record)%n", total, total / TARGET);
        }
    }

    static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
