package org.datafirst.linkage.synth;

import java.time.LocalDate;

/**
 * One synthetic person as they really are; each appearance in a source dataset is recorded from
 * these facts with errors. {@code id} is the truth ({@code person_id}), given at the first written
 * record so that the ids in a file are 1, 2, 3 … without gaps.
 */
final class Person {

    final boolean female;
    final String first;
    final String surname;
    final LocalDate dob;
    final String postcode;
    /** A maiden or earlier surname that some records still carry, or null. */
    String otherSurname;
    /** A different name the person gives now and then (an alias), or null. */
    String aliasFirst;

    String aliasSurname;
    long id;

    Person(boolean female, String first, String surname, LocalDate dob, String postcode) {
        this.female = female;
        this.first = first;
        this.surname = surname;
        this.dob = dob;
        this.postcode = postcode;
    }

    int birthYear() {
        return dob.getYear();
    }
}
