package org.datafirst.linkage.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.datafirst.linkage.pipeline.EngineOptions;
import org.datafirst.linkage.sql.Sql;

/**
 * Justice-like person records with known truth ({@code person_id}). Each synthetic person appears in
 * one or more source datasets in a role (defendant in magistrates' and Crown Court data, prisoner,
 * offender on probation, applicant / respondent / child in family court, claimant in civil courts);
 * each appearance is corrupted by realistic error processes: typing errors, phonetic spellings,
 * surname change, diminutives and aliases (first name and surname swapped), day and month
 * transposed, and missing fields at rates that depend on the role. The same seed gives the same
 * file. Records are streamed to disk, so 10M records need no more memory than 10k.
 */
public final class SyntheticGenerator {

    /** A source dataset and the roles people have in it, with missing-data rates per role. */
    record Source(String dataset, String role, double weight, double missingDob, double missingPostcode, double missingSex) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("magistrates", "defendant", 0.30, 0.03, 0.08, 0.01),
            new Source("crown", "defendant", 0.10, 0.01, 0.05, 0.01),
            new Source("prison", "prisoner", 0.12, 0.005, 0.30, 0.0),
            new Source("probation", "offender", 0.14, 0.01, 0.10, 0.01),
            new Source("family", "applicant", 0.10, 0.10, 0.15, 0.05),
            new Source("family", "respondent", 0.09, 0.25, 0.35, 0.08),
            new Source("family", "child", 0.08, 0.05, 0.40, 0.10),
            new Source("civil", "claimant", 0.07, 0.30, 0.20, 0.20));

    public static final String HEADER = "record_id,source_dataset,role,first_name,surname,dob,sex,postcode,person_id";

    private final SplittableRandom random;
    private final List<String> surnames;
    private long recordCounter;

    public SyntheticGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.surnames = buildSurnames();
    }

    private static List<String> buildSurnames() {
        List<String> s = new ArrayList<>(Names.SURNAME_ROOTS);
        for (String a : Names.SURNAME_PARTS_A) {
            for (String b : Names.SURNAME_PARTS_B) {
                s.add(a + b);
            }
        }
        return List.copyOf(s);
    }

    /** Writes {@code records} records to a .csv or .parquet file; returns the number of persons. */
    public long write(long records, Path target) throws IOException {
        boolean parquet = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        Path csv = parquet ? target.resolveSibling(target.getFileName() + ".tmp.csv") : target;
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        long persons = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            while (recordCounter < records) {
                persons++;
                writePerson(w, line, persons, records);
            }
        }
        if (parquet) {
            try (DuckDbSession db = DuckDbSession.open(new EngineOptions(2, "2GB", target.toAbsolutePath().getParent().resolve(".spill")))) {
                db.execute("COPY (SELECT * FROM read_csv(" + Sql.string(csv.toAbsolutePath().toString())
                        + ", all_varchar = true, header = true)) TO " + Sql.string(target.toAbsolutePath().toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
            }
            Files.delete(csv);
        }
        return persons;
    }

    private void writePerson(BufferedWriter w, StringBuilder line, long personId, long limit) throws IOException {
        boolean female = random.nextBoolean();
        String first = pick(female ? Names.FEMALE : Names.MALE, 10);
        String surname = pick(surnames, 10);
        LocalDate dob = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 70));
        String postcode = postcode();
        int appearances = 1 + geometric(0.45);
        for (int a = 0; a < appearances && recordCounter < limit; a++) {
            Source src = source();
            recordCounter++;
            String f = first;
            String s = surname;
            LocalDate d = dob;
            String pc = postcode;
            if (a > 0) { // the first appearance is clean; later ones carry errors
                if (random.nextDouble() < 0.12) {
                    f = diminutive(f);
                }
                if (random.nextDouble() < 0.08) {
                    f = typo(f);
                }
                if (random.nextDouble() < 0.08) {
                    s = typo(s);
                }
                if (random.nextDouble() < 0.05) {
                    s = phonetic(s);
                }
                if (random.nextDouble() < 0.04) {
                    f = phonetic(f);
                }
                if (female && random.nextDouble() < 0.05) {
                    s = pick(surnames, 10); // surname change (marriage, divorce)
                }
                if (random.nextDouble() < 0.015) { // alias: names recorded the wrong way round
                    String t = f;
                    f = s;
                    s = t;
                }
                if (random.nextDouble() < 0.03 && d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
                    d = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()); // day and month transposed
                } else if (random.nextDouble() < 0.02) {
                    d = d.plusDays(random.nextInt(3) - 1).plusYears(random.nextInt(3) - 1);
                }
                if (random.nextDouble() < 0.15) {
                    pc = postcode(); // moved house
                } else if (random.nextDouble() < 0.03) {
                    pc = typo(pc);
                }
            }
            String sex = random.nextDouble() < src.missingSex() ? "" : (female ? "F" : "M");
            String dobText = random.nextDouble() < src.missingDob() ? "" : d.toString();
            if (random.nextDouble() < src.missingPostcode()) {
                pc = "";
            }
            line.setLength(0);
            line.append('r').append(recordCounter).append(',').append(src.dataset()).append(',').append(src.role()).append(',')
                    .append(csv(f)).append(',').append(csv(s)).append(',').append(dobText).append(',').append(sex).append(',')
                    .append(pc).append(',').append(personId).append('\n');
            w.append(line);
        }
    }

    private Source source() {
        double x = random.nextDouble();
        for (Source s : SOURCES) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        return SOURCES.get(0);
    }

    /**
     * Skewed pick: P(i) proportional to 1 / (i + offset), so the first names of a list are common but
     * not overwhelming (the most common of 150 first names about 3%, of 1600 surnames about 2%).
     */
    private String pick(List<String> values, double offset) {
        int n = values.size();
        double u = random.nextDouble();
        int i = (int) Math.floor(offset * Math.pow((n + offset) / offset, u) - offset);
        return values.get(Math.min(Math.max(i, 0), n - 1));
    }

    private int geometric(double p) {
        int k = 0;
        while (random.nextDouble() < p && k < 8) {
            k++;
        }
        return k;
    }

    private String postcode() {
        String letters = "ABCDEFGHJKLMNPRSTUWYZ";
        return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
                + (1 + random.nextInt(30)) + " " + random.nextInt(10) + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
    }

    private String diminutive(String name) {
        List<String> d = Names.DIMINUTIVES.get(name);
        return d == null ? name : d.get(random.nextInt(d.size()));
    }

    /** One keyboard slip: substitution, deletion, insertion or transposition. */
    String typo(String s) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        char c = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + c + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c + s.substring(i);
            default -> s.substring(0, i - 1) + s.charAt(i) + s.charAt(i - 1) + s.substring(i + 1);
        };
    }

    String phonetic(String s) {
        int start = random.nextInt(Names.PHONETIC.length);
        for (int k = 0; k < Names.PHONETIC.length; k++) {
            String[] rule = Names.PHONETIC[(start + k) % Names.PHONETIC.length];
            int at = s.indexOf(rule[0]);
            if (at >= 0) {
                return s.substring(0, at) + rule[1] + s.substring(at + rule[0].length());
            }
        }
        return s;
    }

    private static String csv(String v) {
        return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
