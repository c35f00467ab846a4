package org.datafirst.linkage.synth;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes synthetic people and their relatives: twins (same surname, date of birth and postcode),
 * siblings (same surname, usually the same postcode, born years apart), parents and children (born
 * 18–40 years apart, sons sometimes named after their fathers), partners (same postcode, often the
 * same surname) and associates (a different family in the same postcode district).
 */
final class People {

    /** Ages are counted at this date (the end of the data's window). */
    static final LocalDate REFERENCE = LocalDate.of(2024, 1, 1);

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUWYZ";

    private final SplittableRandom random;

    People(SplittableRandom random) {
        this.random = random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** 0, 1, 2 … with P(k) = (1 - p) p^k, at most {@code max}. */
    int geometric(double p, int max) {
        int k = 0;
        while (k < max && random.nextDouble() < p) {
            k++;
        }
        return k;
    }

    int between(int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }

    /** Someone aged between the bounds, younger ages more likely when {@code skew} > 1. */
    Person adult(boolean female, int minAge, int maxAge, double skew) {
        double age = minAge + (maxAge - minAge) * Math.pow(random.nextDouble(), skew);
        return person(
                female, Surnames.DISTRIBUTION.draw(random), REFERENCE.minusDays((long) (age * 365.25)), postcode());
    }

    Person person(boolean female, String surname, LocalDate dob, String postcode) {
        Person p = new Person(female, Names.firstName(female, dob.getYear(), random), surname, dob, postcode);
        if (chance(0.03)) { // a known alias: an entirely different name
            p.aliasFirst = Names.firstName(female, dob.getYear(), random);
            p.aliasSurname = Surnames.DISTRIBUTION.draw(random);
        }
        return p;
    }

    /** Same surname, date of birth and postcode; another first name (and often the same sex). */
    Person twinOf(Person p) {
        boolean female = chance(0.65) ? p.female : !p.female;
        Person twin = person(female, p.surname, p.dob, p.postcode);
        for (int tries = 0; tries < 20 && related(twin.first, p.first); tries++) {
            twin = person(female, p.surname, p.dob, p.postcode);
        }
        return related(twin.first, p.first) ? null : twin;
    }

    /** Same surname, born 1–10 years apart, living together or in the same district. */
    Person siblingOf(Person p) {
        long days = 365L * between(1, 10) + random.nextInt(365);
        LocalDate dob = chance(0.5) ? p.dob.plusDays(days) : p.dob.minusDays(days);
        return person(chance(0.5), p.surname, dob, chance(0.5) ? p.postcode : sameArea(p.postcode));
    }

    /** A father (same surname) or mother (same surname or her own) 18–40 years older; a son may be named after his father. */
    Person parentOf(Person child, boolean female, boolean sameHome) {
        LocalDate dob = child.dob.minusDays(365L * between(18, 40) + random.nextInt(365));
        String home = sameHome ? child.postcode : sameArea(child.postcode);
        if (female && chance(0.3)) {
            return person(true, Surnames.DISTRIBUTION.draw(random), dob, home);
        }
        Person parent = person(female, child.surname, dob, home);
        if (!female && !child.female && chance(0.1)) { // the child is "junior"
            parent = new Person(false, child.first, child.surname, dob, home);
        }
        if (female) {
            parent.otherSurname = Surnames.DISTRIBUTION.draw(random); // maiden name
        }
        return parent;
    }

    /** A child 18–40 years younger with the parent's surname; sons sometimes take a father's first name. */
    Person childOf(Person parent, LocalDate dob, String surname, String home) {
        boolean female = chance(0.49);
        Person c = person(female, surname, dob, home);
        if (!female && !parent.female && chance(0.06)) {
            return new Person(false, parent.first, surname, dob, home);
        }
        return c;
    }

    /** Lives at the same postcode; a wife takes the husband's surname half of the time. */
    Person partnerOf(Person p) {
        boolean female = chance(0.92) != p.female;
        LocalDate dob = p.dob.plusDays(random.nextInt(365 * 16) - 365 * 8);
        if (female && !p.female && chance(0.5)) {
            Person wife = person(true, p.surname, dob, p.postcode);
            wife.otherSurname = Surnames.DISTRIBUTION.draw(random);
            return wife;
        }
        return person(female, Surnames.DISTRIBUTION.draw(random), dob, p.postcode);
    }

    /** Someone of about the same age from another family in the same postcode district. */
    Person associateOf(Person p) {
        LocalDate dob = p.dob.plusDays(random.nextInt(365 * 10) - 365 * 5);
        return person(chance(0.15), Surnames.DISTRIBUTION.draw(random), dob, sameArea(p.postcode));
    }

    int ageOf(Person p) {
        return (int) ((REFERENCE.toEpochDay() - p.dob.toEpochDay()) / 365.25);
    }

    String postcode() {
        StringBuilder b = new StringBuilder(8);
        b.append(letter()).append(letter()).append(1 + random.nextInt(30)).append(' ');
        return appendInward(b).toString();
    }

    /** Another address in the same postcode district (same outward code). */
    String sameArea(String postcode) {
        StringBuilder b = new StringBuilder(8);
        b.append(postcode, 0, postcode.indexOf(' ') + 1);
        return appendInward(b).toString();
    }

    private StringBuilder appendInward(StringBuilder b) {
        return b.append((char) ('0' + random.nextInt(10))).append(letter()).append(letter());
    }

    private char letter() {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    /** Fixed addresses shared by many unrelated people (prisons, approved premises), the same in every run. */
    static List<String> institutions(int count, long seed) {
        People p = new People(new SplittableRandom(seed));
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> p.postcode())
                .toList();
    }

    /** The same name, or one a diminutive of the other. */
    static boolean related(String a, String b) {
        return a.equals(b)
                || Names.DIMINUTIVES.getOrDefault(a, List.of()).contains(b)
                || Names.DIMINUTIVES.getOrDefault(b, List.of()).contains(a);
    }
}
