package org.datafirst.linkage.synth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** First-name material for the synthetic generator: common British names by sex and birth cohort, diminutives, phonetic swaps. */
final class Names {

    private Names() {
    }

    static final List<String> MALE = List.of("james", "john", "robert", "michael", "william", "david", "richard", "joseph",
            "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew",
            "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
            "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
            "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron",
            "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy",
            "christian", "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence",
            "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert", "willie", "alan",
            "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene", "russell", "bobby", "mason", "philip",
            "louis", "oliver", "harry", "charlie", "leo", "oscar", "archie", "freddie", "alfie", "theo", "isaac", "lewis",
            "callum", "connor", "kieran", "liam", "jamie", "reece", "declan", "owen", "rhys", "dean", "craig", "lee", "stuart",
            "graham", "neil", "ian", "colin", "barry", "trevor", "malcolm", "derek", "clive", "nigel", "gavin", "darren",
            "wesley", "mohammed", "ali", "omar", "hassan", "tariq", "imran", "kwame", "kofi", "tomasz", "piotr", "marek");

    static final List<String> FEMALE = List.of("mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
            "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily",
            "donna", "michelle", "carol", "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon",
            "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole",
            "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria",
            "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren", "christina",
            "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa",
            "ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia", "grace",
            "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie",
            "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "amelia", "isla", "ava", "mia", "ivy", "lily",
            "freya", "poppy", "ella", "chloe", "zoe", "jade", "leanne", "kirsty", "gemma", "claire", "louise", "joanne",
            "tracey", "tracy", "dawn", "wendy", "gillian", "lorraine", "fiona", "shona", "siobhan", "aisha", "fatima",
            "amina", "zainab", "priya", "anjali", "agnieszka", "katarzyna", "ewa", "abena", "ama");

    /**
     * The most common first names given in England and Wales by birth cohort (before 1960, 1960s–70s,
     * 1980–94, from 1995), most common first, written from published rankings as facts. A person's
     * first name comes from their cohort's head with probability {@link #COHORT_HEAD_SHARE} (weights
     * rank^-0.7), otherwise from the long list below (weights 1 / (rank + 10)).
     */
    static final List<List<String>> MALE_COHORTS = List.of(
            List.of("david", "john", "michael", "peter", "robert", "stephen", "paul", "alan", "anthony", "richard",
                    "christopher", "william", "james", "brian", "kevin", "george", "keith", "colin", "kenneth", "raymond",
                    "barry", "thomas", "roger", "graham", "ian", "terence", "malcolm", "dennis", "derek", "trevor"),
            List.of("paul", "mark", "david", "andrew", "richard", "christopher", "james", "simon", "michael", "stephen",
                    "darren", "jason", "ian", "steven", "lee", "robert", "neil", "gary", "craig", "matthew", "john", "anthony",
                    "peter", "martin", "wayne", "dean", "carl", "stuart", "kevin", "philip"),
            List.of("christopher", "james", "david", "daniel", "michael", "matthew", "andrew", "richard", "paul", "mark",
                    "thomas", "adam", "robert", "john", "lee", "benjamin", "steven", "jonathan", "craig", "stephen", "luke",
                    "ryan", "jamie", "scott", "ashley", "carl", "nicholas", "gareth", "liam", "kieran"),
            List.of("jack", "thomas", "james", "joshua", "daniel", "harry", "samuel", "joseph", "matthew", "callum", "luke",
                    "william", "lewis", "oliver", "ryan", "benjamin", "george", "liam", "jordan", "adam", "alexander", "jake",
                    "connor", "cameron", "nathan", "kieran", "mohammed", "ethan", "charlie", "dylan"));

    static final List<List<String>> FEMALE_COHORTS = List.of(
            List.of("susan", "margaret", "patricia", "christine", "linda", "elizabeth", "mary", "janet", "carol", "jean",
                    "sandra", "barbara", "ann", "pauline", "kathleen", "brenda", "valerie", "sheila", "maureen", "jacqueline",
                    "gillian", "julie", "diane", "irene", "joan", "doreen", "marion", "hazel", "angela", "deborah"),
            List.of("sarah", "claire", "nicola", "emma", "lisa", "joanne", "michelle", "helen", "samantha", "karen", "amanda",
                    "rachel", "louise", "julie", "tracey", "kelly", "donna", "victoria", "dawn", "alison", "deborah", "susan",
                    "elizabeth", "catherine", "jennifer", "angela", "caroline", "jacqueline", "zoe", "gemma"),
            List.of("sarah", "laura", "gemma", "emma", "rebecca", "claire", "victoria", "samantha", "rachel", "amy", "jennifer",
                    "nicola", "katie", "lisa", "kelly", "natalie", "louise", "michelle", "hayley", "stacey", "danielle",
                    "charlotte", "lauren", "jessica", "stephanie", "amanda", "kirsty", "leanne", "hannah", "sophie"),
            List.of("jessica", "emily", "sophie", "chloe", "lauren", "hannah", "charlotte", "megan", "amy", "olivia", "ellie",
                    "rebecca", "bethany", "georgia", "holly", "grace", "lucy", "amelia", "katie", "emma", "abigail", "molly",
                    "jade", "courtney", "shannon", "paige", "leah", "ella", "mia", "isabella"));

    static final double COHORT_HEAD_SHARE = 0.45;

    /** First birth year of cohorts 1, 2 and 3 (cohort 0 is everything before the first). */
    static final int[] COHORT_STARTS = {1960, 1980, 1995};

    static int cohort(int birthYear) {
        int c = 0;
        while (c < COHORT_STARTS.length && birthYear >= COHORT_STARTS[c]) {
            c++;
        }
        return c;
    }

    static final List<String> MALE_MORE = List.of("alfie", "archie", "ashton", "bradley", "brandon", "calvin", "clifford",
            "conor", "curtis", "damian", "damien", "danny", "darrell", "desmond", "dominic", "duncan", "elliot", "ellis",
            "ernest", "fraser", "glen", "glenn", "gordon", "grant", "guy", "harvey", "howard", "hugh", "jay", "jake", "jimmy",
            "joel", "jon", "karl", "kurt", "leon", "leslie", "lloyd", "luke", "marcus", "martyn", "max", "mitchell", "morgan",
            "nathaniel", "nigel", "norman", "oscar", "reuben", "ricky", "robin", "rory", "ross", "roy", "sam", "sebastian",
            "shane", "sidney", "simon", "spencer", "stanley", "toby", "tony", "troy", "tyrone", "vernon", "warren",
            "ahmed", "abdul", "amir", "bilal", "faisal", "hamza", "ibrahim", "khalid", "mahmood", "mustafa", "rashid", "yusuf",
            "arjun", "harjit", "jaswinder", "rajesh", "sanjay", "vijay", "chidi", "emeka", "oluwaseun", "tunde", "yaw",
            "andrzej", "krzysztof", "pawel", "jakub", "mihai", "florin", "ionut", "darius", "luca", "marco", "dariusz");

    static final List<String> FEMALE_MORE = List.of("abbie", "alison", "annette", "beverley", "bridget", "caitlin",
            "carly", "carolyn", "cassie", "charlene", "chantelle", "colette", "corinne", "daisy", "debbie", "eileen", "elaine",
            "eleanor", "ellen", "erin", "esther", "faye", "frances", "georgina", "hollie", "jasmine", "jodie", "josephine",
            "julia", "kate", "kayleigh", "keeley", "kerry", "lindsey", "lucy", "lydia", "maxine", "melanie", "millie",
            "miriam", "naomi", "nina", "paula", "phoebe", "rosemary", "ruby", "sally", "sharon", "sonia", "stacey", "tanya",
            "tina", "toni", "vanessa", "yvonne", "nadia", "sana", "shabana", "nasreen", "rukhsana", "farah", "yasmin",
            "parveen", "shazia", "harpreet", "manjit", "sunita", "gurpreet", "ngozi", "chiamaka", "funmilayo", "adwoa",
            "joanna", "magdalena", "monika", "alina", "ioana", "elena", "giulia", "sofia");

    /** Formal name → diminutives and nicknames. */
    static final Map<String, List<String>> DIMINUTIVES = Map.ofEntries(
            Map.entry("william", List.of("bill", "will", "billy", "liam")), Map.entry("robert", List.of("rob", "bob", "bobby")),
            Map.entry("richard", List.of("rick", "dick", "richie")), Map.entry("james", List.of("jim", "jimmy", "jamie")),
            Map.entry("john", List.of("jack", "johnny")), Map.entry("michael", List.of("mike", "mick", "mickey")),
            Map.entry("thomas", List.of("tom", "tommy")), Map.entry("christopher", List.of("chris", "kit")),
            Map.entry("daniel", List.of("dan", "danny")), Map.entry("matthew", List.of("matt")),
            Map.entry("anthony", List.of("tony")), Map.entry("joseph", List.of("joe", "joey")),
            Map.entry("edward", List.of("ed", "eddie", "ted")), Map.entry("alexander", List.of("alex", "sandy")),
            Map.entry("samuel", List.of("sam", "sammy")), Map.entry("benjamin", List.of("ben", "benny")),
            Map.entry("nicholas", List.of("nick", "nicky")), Map.entry("jonathan", List.of("jon", "jonny")),
            Map.entry("stephen", List.of("steve", "stevie")), Map.entry("steven", List.of("steve")),
            Map.entry("andrew", List.of("andy", "drew")), Map.entry("charles", List.of("charlie", "chuck")),
            Map.entry("henry", List.of("harry", "hal")), Map.entry("frederick", List.of("fred", "freddie")),
            Map.entry("elizabeth", List.of("liz", "beth", "lizzie", "betty")), Map.entry("margaret", List.of("maggie", "peggy", "meg")),
            Map.entry("katherine", List.of("kate", "kathy", "katie")), Map.entry("catherine", List.of("cathy", "cath", "kate")),
            Map.entry("jennifer", List.of("jen", "jenny")), Map.entry("rebecca", List.of("becky", "becca")),
            Map.entry("victoria", List.of("vicky", "tori")), Map.entry("samantha", List.of("sam", "sammy")),
            Map.entry("deborah", List.of("debbie", "deb")), Map.entry("patricia", List.of("pat", "patty", "trish")),
            Map.entry("susan", List.of("sue", "susie")), Map.entry("amanda", List.of("mandy")),
            Map.entry("christine", List.of("chris", "tina")), Map.entry("jacqueline", List.of("jackie")),
            Map.entry("alexis", List.of("lexi")), Map.entry("abigail", List.of("abby")), Map.entry("isabella", List.of("bella", "izzy")),
            Map.entry("charlotte", List.of("lottie", "charlie")), Map.entry("stephanie", List.of("steph")),
            Map.entry("kimberly", List.of("kim")), Map.entry("pamela", List.of("pam")), Map.entry("gillian", List.of("gill", "jill")));

    /** Spelling variants that sound the same. */
    static final String[][] PHONETIC = {{"ph", "f"}, {"ck", "k"}, {"c", "k"}, {"y", "ie"}, {"ie", "y"}, {"ee", "ea"},
        {"ou", "ow"}, {"th", "t"}, {"s", "z"}, {"mc", "mac"}, {"mac", "mc"}, {"ey", "y"}, {"wr", "r"}, {"kn", "n"}, {"ai", "ay"}};
    private static final WeightedNames[] MALE_HEADS = heads(MALE_COHORTS);
    private static final WeightedNames[] FEMALE_HEADS = heads(FEMALE_COHORTS);
    private static final WeightedNames MALE_LONG = longList(MALE, MALE_MORE, MALE_COHORTS);
    private static final WeightedNames FEMALE_LONG = longList(FEMALE, FEMALE_MORE, FEMALE_COHORTS);

    /** A first name for a person of this sex born in this year. */
    static String firstName(boolean female, int birthYear, SplittableRandom random) {
        if (random.nextDouble() < COHORT_HEAD_SHARE) {
            return (female ? FEMALE_HEADS : MALE_HEADS)[cohort(birthYear)].draw(random);
        }
        return (female ? FEMALE_LONG : MALE_LONG).draw(random);
    }

    private static WeightedNames[] heads(List<List<String>> cohorts) {
        return cohorts.stream().map(c -> WeightedNames.byRank(c, r -> Math.pow(r, -0.7))).toArray(WeightedNames[]::new);
    }

    private static WeightedNames longList(List<String> common, List<String> more, List<List<String>> cohorts) {
        Set<String> all = new LinkedHashSet<>(common);
        cohorts.forEach(all::addAll);
        all.addAll(more);
        return WeightedNames.byRank(List.copyOf(all), r -> 1.0 / (r + 10));
    }
}
