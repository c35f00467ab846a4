package org.datafirst.linkage.synth;

import java.util.List;
import java.util.Map;

/** Name material for the synthetic generator: common British names, diminutives and phonetic swaps. */
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

    static final List<String> SURNAME_ROOTS = List.of("smith", "jones", "taylor", "brown", "williams", "wilson", "johnson",
            "davies", "robinson", "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood",
            "jackson", "clarke", "patel", "khan", "lewis", "james", "phillips", "mason", "mitchell", "rose", "davis",
            "rodriguez", "cox", "alexander", "morgan", "moore", "martin", "price", "harris", "hughes", "edwards", "turner",
            "baker", "hill", "cooper", "ward", "morris", "king", "harrison", "clark", "allen", "scott", "young", "bailey",
            "murphy", "kelly", "campbell", "stewart", "macdonald", "reid", "murray", "watson", "anderson", "thomson",
            "fraser", "hamilton", "graham", "kennedy", "marshall", "gordon", "ahmed", "ali", "hussain", "begum", "singh",
            "kaur", "sharma", "nowak", "kowalski", "mensah", "okafor", "adeyemi", "osei", "obi", "nguyen", "chen", "wang",
            "o'brien", "o'connor", "mcdonald", "fitzgerald", "lloyd", "owen", "pritchard", "powell", "vaughan", "griffiths");

    static final List<String> SURNAME_PARTS_A = List.of("ash", "black", "brad", "brook", "bur", "cald", "carl", "chad",
            "craw", "dun", "fair", "fen", "gold", "green", "hal", "hart", "hay", "hol", "kings", "lang", "lock", "mar",
            "mill", "new", "north", "oak", "pem", "ray", "red", "ridge", "ross", "rut", "shel", "stan", "stock", "thorn",
            "wal", "went", "west", "whit", "win", "wood", "york", "ather", "bel", "crom", "dal", "eld", "fal", "grim");

    static final List<String> SURNAME_PARTS_B = List.of("ford", "ton", "ley", "field", "worth", "wood", "by", "ham",
            "more", "well", "wick", "bury", "den", "land", "shaw", "stone", "dale", "hurst", "combe", "brook", "man",
            "son", "er", "ington", "stead", "wright", "cott", "grove", "lake", "thorpe");

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
}
