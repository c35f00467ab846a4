package org.datafirst.linkage.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Surname vocabulary and its frequency distribution, fitted to published facts about surnames in
 * England and Wales: Smith about 1.2% of people, the 100 most common names about 17–19%, and a long
 * tail of rare names (hundreds of thousands of surnames, most held by a handful of people).
 *
 * <p>The head is about 240 common British surnames in approximate order of frequency, written here as
 * facts (not copied from a file). The tail is about 150,000 plausible rare names built from English
 * place-name elements (ash + ford), syllables (bartle, gosney), Gaelic prefixes (mc, o') and
 * continental endings, shuffled with a fixed seed so every run has the same vocabulary. The share of
 * rank r is proportional to r^-0.55 up to rank 100 and continues as (r / 100)^-0.95 beyond, which
 * gives a top name of ≈ 1.2%, top 100 ≈ 19%, top 1,000 ≈ 43% and top 10,000 ≈ 66%.
 */
final class Surnames {

    private Surnames() {}

    static final int VOCABULARY = 150_000;
    static final double HEAD_EXPONENT = 0.55;
    static final double TAIL_EXPONENT = 0.95;
    static final int BREAK_RANK = 100;

    /** Common surnames in England and Wales, most common first (approximate ranks). */
    static final List<String> HEAD = List.of(
            "smith",
            "jones",
            "williams",
            "taylor",
            "brown",
            "davies",
            "evans",
            "wilson",
            "thomas",
            "johnson",
            "roberts",
            "robinson",
            "thompson",
            "wright",
            "walker",
            "white",
            "edwards",
            "hughes",
            "green",
            "hall",
            "lewis",
            "harris",
            "clarke",
            "patel",
            "jackson",
            "wood",
            "turner",
            "martin",
            "cooper",
            "hill",
            "ward",
            "morris",
            "moore",
            "clark",
            "lee",
            "king",
            "baker",
            "harrison",
            "morgan",
            "allen",
            "james",
            "scott",
            "phillips",
            "watson",
            "davis",
            "parker",
            "price",
            "bennett",
            "young",
            "griffiths",
            "mitchell",
            "kelly",
            "cook",
            "carter",
            "richardson",
            "bailey",
            "collins",
            "bell",
            "shaw",
            "murphy",
            "miller",
            "cox",
            "richards",
            "khan",
            "marshall",
            "anderson",
            "simpson",
            "ellis",
            "adams",
            "singh",
            "begum",
            "wilkinson",
            "foster",
            "chapman",
            "powell",
            "webb",
            "rogers",
            "gray",
            "mason",
            "ali",
            "hunt",
            "hussain",
            "campbell",
            "matthews",
            "owen",
            "palmer",
            "holmes",
            "mills",
            "barnes",
            "knight",
            "lloyd",
            "butler",
            "russell",
            "barker",
            "fisher",
            "stevens",
            "jenkins",
            "murray",
            "dixon",
            "harvey",
            "graham",
            "pearson",
            "ahmed",
            "fletcher",
            "walsh",
            "kaur",
            "gibson",
            "howard",
            "andrews",
            "stewart",
            "elliott",
            "reynolds",
            "saunders",
            "payne",
            "fox",
            "ford",
            "pearce",
            "day",
            "brooks",
            "west",
            "lawrence",
            "cole",
            "atkinson",
            "bradley",
            "spencer",
            "gill",
            "dawson",
            "ball",
            "burton",
            "o'brien",
            "watts",
            "rose",
            "booth",
            "perry",
            "ryan",
            "grant",
            "wells",
            "armstrong",
            "francis",
            "rees",
            "hayes",
            "hart",
            "hudson",
            "newman",
            "barrett",
            "webster",
            "hunter",
            "gregory",
            "carr",
            "lowe",
            "page",
            "marsh",
            "riley",
            "dunn",
            "woods",
            "parsons",
            "berry",
            "stone",
            "reid",
            "holland",
            "hawkins",
            "harding",
            "porter",
            "robertson",
            "newton",
            "oliver",
            "reed",
            "kennedy",
            "williamson",
            "bird",
            "gardner",
            "shah",
            "dean",
            "lane",
            "cooke",
            "bates",
            "henderson",
            "parry",
            "burgess",
            "bishop",
            "walton",
            "burns",
            "nicholson",
            "shepherd",
            "ross",
            "cross",
            "long",
            "freeman",
            "warren",
            "nicholls",
            "hamilton",
            "byrne",
            "sutton",
            "mcdonald",
            "yates",
            "hodgson",
            "robson",
            "curtis",
            "hopkins",
            "o'connor",
            "harper",
            "coleman",
            "watkins",
            "moss",
            "mccarthy",
            "chambers",
            "o'neill",
            "griffin",
            "sharp",
            "hardy",
            "wheeler",
            "potter",
            "osborne",
            "johnston",
            "gordon",
            "doyle",
            "wallace",
            "george",
            "jordan",
            "hutchinson",
            "rowe",
            "burke",
            "may",
            "pritchard",
            "gilbert",
            "willis",
            "higgins",
            "read",
            "miah",
            "stevenson",
            "rahman",
            "islam",
            "uddin",
            "mohammed",
            "akhtar",
            "iqbal",
            "nowak",
            "kowalski",
            "mensah",
            "okafor",
            "adeyemi",
            "nguyen",
            "chen",
            "wang",
            "da silva",
            "kumar",
            "sharma",
            "mahmood",
            "hassan",
            "abdi",
            "mohamed",
            "kaya",
            "popescu");

    private static final List<String> PLACE_FIRST = List.of(
            "ash", "ather", "back", "bar", "bel", "birk", "black", "blen", "brad", "bram", "brom", "brook", "bur",
            "cal", "cald", "carl", "chad", "chal", "cher", "chip", "clay", "crom", "cros", "dal", "dar", "den", "dun",
            "eas", "eld", "elm", "fair", "fal", "far", "fen", "gar", "gold", "gran", "green", "grim", "hal", "ham",
            "hart", "hay", "heath", "hol", "horn", "hun", "ken", "kings", "kirk", "lang", "lin", "lock", "mar", "mel",
            "mid", "mill", "mor", "nor", "north", "oak", "ot", "pem", "pen", "rad", "ray", "red", "ridge", "rob",
            "ross", "rut", "sal", "sand", "scar", "shel", "shir", "south", "stan", "stock", "ston", "sut", "tan",
            "thorn", "til", "wal", "war", "went", "west", "whit", "wil", "win", "wood", "wor", "york");

    private static final List<String> PLACE_SECOND = List.of(
            "ford", "ton", "ley", "field", "worth", "wood", "by", "ham", "more", "well", "wick", "bury", "den", "land",
            "shaw", "stone", "dale", "hurst", "combe", "brook", "man", "er", "ington", "stead", "wright", "cott",
            "grove", "lake", "thorpe", "hope", "ridge", "croft", "burn", "mere", "low", "all", "ey", "ing", "sby",
            "stow", "bourne", "cliffe", "hay", "holme", "over", "wade", "gate", "ting");

    private static final List<String> ONSETS = List.of(
            "b", "bl", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "g", "gl", "gr", "h", "j", "k", "l", "m", "n",
            "p", "pl", "pr", "r", "s", "sh", "sk", "sl", "st", "t", "tr", "v", "w", "wh");

    private static final List<String> VOWELS = List.of("a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "ay");

    private static final List<String> CODAS = List.of(
            "b", "ck", "d", "dd", "g", "ll", "m", "mm", "n", "nd", "ng", "nn", "nt", "r", "rd", "rr", "rt", "s", "ss",
            "t", "tt", "v", "x");

    private static final List<String> ENDINGS = List.of(
            "le", "ey", "er", "on", "ett", "ings", "ock", "ard", "ers", "by", "ham", "son", "well", "man", "in", "ie",
            "ish", "ow", "ley", "en", "ins", "el");

    private static final List<String> FOREIGN_ENDINGS = List.of(
            "ani", "elli", "ez", "ovic", "escu", "ides", "oglu", "sen", "berg", "ski", "enko", "ura", "ola", "emi");

    static final WeightedNames DISTRIBUTION = WeightedNames.byRank(vocabulary(), Surnames::rankWeight);

    static double rankWeight(int rank) {
        if (rank <= BREAK_RANK) {
            return Math.pow(rank, -HEAD_EXPONENT);
        }
        return Math.pow(BREAK_RANK, -HEAD_EXPONENT) * Math.pow((double) rank / BREAK_RANK, -TAIL_EXPONENT);
    }

    /** The head in order, then the generated tail in a fixed shuffled order; {@link #VOCABULARY} names. */
    static List<String> vocabulary() {
        Set<String> head = new LinkedHashSet<>(HEAD);
        if (head.size() != HEAD.size()) {
            throw new IllegalStateException("duplicate in Surnames.HEAD");
        }
        Set<String> tail = new LinkedHashSet<>();
        for (String a : PLACE_FIRST) {
            for (String b : PLACE_SECOND) {
                tail.add(a + b);
            }
        }
        for (String o : ONSETS) {
            for (String v : VOWELS) {
                for (String c : CODAS) {
                    String stem = o + v + c;
                    for (String e : ENDINGS) {
                        tail.add(stem + e);
                    }
                    tail.add("mc" + stem);
                    tail.add("o'" + stem + "an");
                    for (String f : FOREIGN_ENDINGS) {
                        tail.add(stem + f);
                    }
                }
            }
        }
        tail.removeAll(head);
        List<String> shuffled = new ArrayList<>(tail);
        Collections.shuffle(
                shuffled, new Random(20_261_130L)); // fixed: the vocabulary does not depend on the run's seed
        List<String> all = new ArrayList<>(head);
        all.addAll(shuffled.subList(0, VOCABULARY - head.size()));
        return all;
    }
}
