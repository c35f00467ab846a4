package org.datafirst.linkage.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.datafirst.linkage.engine.DuckDbEngine;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.EngineOptions;
import org.datafirst.linkage.sql.Sql;

/**
 * Justice-like person records with known truth ({@code person_id}) and the hazards of real data:
 * realistic surname and first-name frequencies (see {@link Surnames}, {@link Names}), twins,
 * siblings, parents and children, partners, co-defendants, aliases and institutional addresses
 * shared by many people.
 *
 * <p>Records come in groups that are generated, written and forgotten one at a time, so memory does
 * not grow with the number of records. A group is one of:
 * <ul>
 * <li><b>criminal</b>: an offender, sometimes with relatives who offend too (a twin, siblings,
 * parents, a partner, grown-up children). Each offender has 1 + geometric criminal cases; a case
 * is heard in magistrates' courts and/or the Crown Court and may have co-defendants (relatives or
 * associates from the same postcode district) who share its {@code case_id}; a case may lead to
 * prison, probation and OASys assessments.
 * <li><b>family</b>: parents and their children (twins among them) in one or two family court cases
 * (applicant, respondent and every child share the case's {@code case_id}); parents may offend.
 * <li><b>civil</b>: a claimant against one defendant or a couple, unrelated to the claimant.
 * </ul>
 * The first record of a person is clean; later ones carry errors (typing slips, phonetic spellings,
 * diminutives, an earlier surname, an alias, names swapped, day and month transposed, small date
 * slips, moves, postcode typos). Fields go missing at rates that depend on the role. The same seed
 * gives a byte-identical file.
 */
public final class SyntheticGenerator {

    /** Part of benchmark cache keys: change it whenever the same seed would give a different file. */
    public static final int VERSION = 3;

    /** A source dataset and role, missing-data rates, and the prefix of its case ids (none: no case id). */
    record Source(
            String dataset,
            String role,
            double missingDob,
            double missingPostcode,
            double missingSex,
            String casePrefix) {}

    static final Source MAGISTRATES = new Source("magistrates", "defendant", 0.03, 0.08, 0.01, "M");
    static final Source CROWN = new Source("crown", "defendant", 0.01, 0.05, 0.01, "C");
    static final Source PRISON = new Source("prison", "prisoner", 0.005, 0.30, 0.0, "");
    static final Source PROBATION = new Source("probation", "offender", 0.01, 0.10, 0.01, "");
    static final Source OASYS = new Source("oasys", "offender", 0.005, 0.12, 0.0, "");
    static final Source FAMILY_APPLICANT = new Source("family", "applicant", 0.10, 0.15, 0.05, "F");
    static final Source FAMILY_RESPONDENT = new Source("family", "respondent", 0.25, 0.35, 0.08, "F");
    static final Source FAMILY_CHILD = new Source("family", "child", 0.05, 0.40, 0.10, "F");
    static final Source CIVIL_CLAIMANT = new Source("civil", "claimant", 0.30, 0.20, 0.20, "V");
    static final Source CIVIL_DEFENDANT = new Source("civil", "defendant", 0.35, 0.10, 0.25, "V");

    public static final String HEADER =
            "record_id,source_dataset,role,first_name,surname,dob,sex,postcode,person_id,case_id";

    /** Shares of groups; tuned so that records split roughly as in the README. */
    static final double CRIMINAL_GROUPS = 0.55;

    static final double FAMILY_GROUPS = 0.23;
    /** More people in one group than this get no criminal history of their own (keeps groups small). */
    private static final int MAX_OFFENDERS = 12;

    private static final List<String> PRISONS = People.institutions(120, 1);
    private static final List<String> HOSTELS = People.institutions(100, 2);

    private final SplittableRandom random;
    private final People people;
    private final List<Appearance> group = new ArrayList<>();
    private long recordCounter;
    private long personCounter;
    private long caseCounter;

    private record Appearance(Person person, Source source, String caseId) {}

    public SyntheticGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.people = new People(random);
    }

    /** Writes {@code records} records to a .csv or .parquet file; returns the number of persons. */
    public long write(long records, Path target) throws IOException {
        boolean parquet =
                target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        Path csv = parquet ? target.resolveSibling(target.getFileName() + ".tmp.csv") : target;
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        try (Writer w = new OutputStreamWriter(
                new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20), StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            while (recordCounter < records) {
                group.clear();
                nextGroup();
                for (int i = 0; i < group.size() && recordCounter < records; i++) {
                    writeRecord(w, line, group.get(i));
                }
            }
        }
        if (parquet) {
            try (Engine db = DuckDbEngine.open(new EngineOptions(
                    2, "2GB", target.toAbsolutePath().getParent().resolve(".spill")))) {
                db.execute("COPY (SELECT * FROM read_csv("
                        + Sql.string(csv.toAbsolutePath().toString())
                        + ", all_varchar = true, header = true)) TO "
                        + Sql.string(target.toAbsolutePath().toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
            }
            Files.delete(csv);
        }
        return personCounter;
    }

    private void nextGroup() {
        double x = random.nextDouble();
        if (x < CRIMINAL_GROUPS) {
            criminalGroup();
        } else if (x < CRIMINAL_GROUPS + FAMILY_GROUPS) {
            familyGroup();
        } else {
            civilGroup();
        }
    }

    private void criminalGroup() {
        Person main = people.adult(people.chance(0.18), 18, 65, 1.8);
        List<Person> offenders = new ArrayList<>(List.of(main));
        if (people.chance(0.5)) {
            offendingRelatives(main, offenders);
        }
        histories(offenders);
    }

    /** Adds the relatives of {@code main} who offend too (the others never appear in the data). */
    private void offendingRelatives(Person main, List<Person> offenders) {
        int age = people.ageOf(main);
        if (people.chance(0.06)) {
            addIfOffends(people.twinOf(main), 0.5, offenders);
        }
        for (int i = people.geometric(0.5, 4); i > 0; i--) {
            addIfOffends(people.siblingOf(main), 0.35, offenders);
        }
        boolean atHome = age < 30 && people.chance(0.7);
        if (people.chance(0.4)) {
            addIfOffends(people.parentOf(main, false, atHome), 0.2, offenders);
        }
        if (people.chance(0.3)) {
            addIfOffends(people.parentOf(main, true, atHome), 0.1, offenders);
        }
        if (age > 20 && people.chance(0.35)) {
            addIfOffends(people.partnerOf(main), 0.25, offenders);
        }
        if (age > 36 && people.chance(0.3)) {
            for (int i = 1 + people.geometric(0.4, 2); i > 0; i--) {
                LocalDate dob = main.dob.plusDays(365L * people.between(18, 30) + random.nextInt(365));
                addIfOffends(
                        people.childOf(
                                main,
                                dob,
                                main.surname,
                                people.chance(0.5) ? main.postcode : people.sameArea(main.postcode)),
                        0.3,
                        offenders);
            }
        }
    }

    private void addIfOffends(Person p, double probability, List<Person> offenders) {
        if (p != null && people.ageOf(p) >= 12 && people.chance(probability)) {
            offenders.add(p);
        }
    }

    /** Criminal cases for each offender in turn; co-defendants added to the list get their own history later. */
    private void histories(List<Person> offenders) {
        for (int i = 0; i < offenders.size() && i < MAX_OFFENDERS; i++) {
            for (int c = 1 + people.geometric(0.45, 9); c > 0; c--) {
                criminalCase(offenders.get(i), offenders);
            }
        }
    }

    private void criminalCase(Person defendant, List<Person> offenders) {
        List<Person> defendants = new ArrayList<>(List.of(defendant));
        if (people.chance(0.14)) { // co-defendants: other offenders of the group first, then associates
            int wanted = 1 + people.geometric(0.35, 3);
            List<Person> others = new ArrayList<>(offenders);
            others.remove(defendant);
            while (defendants.size() <= wanted) {
                if (others.isEmpty()) {
                    Person associate = people.associateOf(defendant);
                    offenders.add(associate);
                    defendants.add(associate);
                } else {
                    defendants.add(others.remove(random.nextInt(others.size())));
                }
            }
        }
        boolean crown = people.chance(0.25);
        String magistratesCase = !crown || people.chance(0.5) ? caseId(MAGISTRATES) : null;
        String crownCase = crown ? caseId(CROWN) : null;
        for (Person d : defendants) {
            if (magistratesCase != null) {
                add(d, MAGISTRATES, magistratesCase);
            }
            if (crownCase != null) {
                add(d, CROWN, crownCase);
            }
            boolean prison = people.chance(crown ? 0.45 : 0.06);
            boolean probation = people.chance(prison ? 0.6 : 0.3);
            if (prison) {
                add(d, PRISON, "");
            }
            if (probation) {
                add(d, PROBATION, "");
            }
            if ((prison || probation) && people.chance(0.55)) {
                add(d, OASYS, "");
            }
        }
    }

    private void familyGroup() {
        Person mum = people.adult(true, 20, 45, 1.0);
        LocalDate fatherDob = mum.dob.minusDays(random.nextInt(365 * 10) - 365 * 2);
        boolean together = people.chance(0.35);
        Person dad = people.person(
                false, Surnames.DISTRIBUTION.draw(random), fatherDob, together ? mum.postcode : people.postcode());
        boolean married = people.chance(0.45);
        if (married) {
            String maiden = mum.surname;
            mum = people.person(true, dad.surname, mum.dob, mum.postcode);
            mum.otherSurname = maiden;
        }
        List<Person> children = new ArrayList<>();
        LocalDate birth = mum.dob.plusDays(365L * people.between(17, 34) + random.nextInt(365));
        String childSurname = married || people.chance(0.6) ? dad.surname : mum.surname;
        for (int i = 1 + people.geometric(0.45, 4); i > 0 && birth.isBefore(People.REFERENCE); i--) {
            Person child = people.childOf(dad, birth, childSurname, mum.postcode);
            children.add(child);
            if (people.chance(0.03)) {
                Person twin = people.twinOf(child);
                if (twin != null) {
                    children.add(twin);
                }
            }
            birth = birth.plusDays(365L * people.between(1, 5) + random.nextInt(365));
        }
        for (int c = 1 + people.geometric(0.3, 2); c > 0; c--) {
            String id = caseId(FAMILY_APPLICANT);
            boolean motherApplies = people.chance(0.75);
            add(motherApplies ? mum : dad, FAMILY_APPLICANT, id);
            add(motherApplies ? dad : mum, FAMILY_RESPONDENT, id);
            for (Person child : children) {
                add(child, FAMILY_CHILD, id);
            }
        }
        List<Person> offenders = new ArrayList<>();
        addIfOffends(dad, 0.3, offenders);
        addIfOffends(mum, 0.12, offenders);
        children.forEach(child -> addIfOffends(child, 0.1, offenders));
        histories(offenders);
    }

    private void civilGroup() {
        Person claimant = people.adult(people.chance(0.5), 20, 80, 1.0);
        List<Person> offenders = new ArrayList<>();
        for (int c = 1 + people.geometric(0.2, 3); c > 0; c--) {
            String id = caseId(CIVIL_CLAIMANT);
            add(claimant, CIVIL_CLAIMANT, id);
            Person defendant = people.adult(people.chance(0.4), 20, 75, 1.0);
            add(defendant, CIVIL_DEFENDANT, id);
            if (people.chance(0.2)) { // a couple sued together: same postcode, often the same surname
                add(people.partnerOf(defendant), CIVIL_DEFENDANT, id);
            }
            addIfOffends(defendant, 0.08, offenders);
        }
        histories(offenders);
    }

    private String caseId(Source source) {
        return source.casePrefix() + (++caseCounter);
    }

    private void add(Person p, Source source, String caseId) {
        group.add(new Appearance(p, source, caseId));
    }

    private void writeRecord(Writer w, StringBuilder line, Appearance a) throws IOException {
        Person p = a.person();
        Source src = a.source();
        recordCounter++;
        String f = p.first;
        String s = p.surname;
        LocalDate d = p.dob;
        String pc = p.postcode;
        if (p.id == 0) {
            p.id = ++personCounter; // the first record of a person is clean
        } else {
            if (p.aliasFirst != null && random.nextDouble() < 0.3) {
                f = p.aliasFirst;
                s = p.aliasSurname;
            }
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
            if (p.otherSurname != null && random.nextDouble() < 0.15) {
                s = p.otherSurname; // maiden or earlier surname
            } else if (p.female && random.nextDouble() < 0.03) {
                s = Surnames.DISTRIBUTION.draw(random); // surname change (marriage, divorce)
            }
            if (random.nextDouble() < 0.015) { // names recorded the wrong way round
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
                pc = people.postcode(); // moved house
            } else if (random.nextDouble() < 0.03) {
                pc = typo(pc);
            }
        }
        if (src == PRISON && random.nextDouble() < 0.10) {
            pc = PRISONS.get(random.nextInt(PRISONS.size())); // the prison's address recorded as the person's
        } else if ((src == PROBATION || src == OASYS) && random.nextDouble() < 0.05) {
            pc = HOSTELS.get(random.nextInt(HOSTELS.size())); // approved premises
        }
        String sex = random.nextDouble() < src.missingSex() ? "" : (p.female ? "F" : "M");
        String dobText = random.nextDouble() < src.missingDob() ? "" : d.toString();
        if (random.nextDouble() < src.missingPostcode()) {
            pc = "";
        }
        line.setLength(0);
        line.append('r')
                .append(recordCounter)
                .append(',')
                .append(src.dataset())
                .append(',')
                .append(src.role())
                .append(',')
                .append(csv(f))
                .append(',')
                .append(csv(s))
                .append(',')
                .append(dobText)
                .append(',')
                .append(sex)
                .append(',')
                .append(pc)
                .append(',')
                .append(p.id)
                .append(',')
                .append(a.caseId())
                .append('\n');
        w.append(line);
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
