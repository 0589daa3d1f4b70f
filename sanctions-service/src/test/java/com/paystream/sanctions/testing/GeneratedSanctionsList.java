package com.paystream.sanctions.testing;

import com.paystream.sanctions.matching.ListedEntry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A made-up sanctions list of any size, the same for the same seed, shaped like the official ones: individuals from
 * several naming traditions (Slavic with patronymics, Arabic with {@code al} and {@code bin}, Persian, Chinese,
 * Korean, Hispanic, Turkish, West African, Anglo), companies (with legal forms) and vessels, each with 2 to 4 aliases
 * (other transliterations, reordered names, a dropped middle name, a shortened company name). Surnames are built from
 * syllables, so a large list has many thousands of distinct tokens while given names recur as they do on real
 * lists. {@link #screenedNames} makes names to screen: unrelated people and companies drawn from the same name parts
 * and customers of other traditions (most payments), and near misses of listed names (misspelt, letters swapped,
 * tokens reordered, spelt as they sound, a middle name dropped, a title added).
 */
public final class GeneratedSanctionsList {
    /** Individual, company or vessel, as the official lists type their entries. */
    public enum Kind { INDIVIDUAL, ENTITY, VESSEL }

    /** A name as the official lists split it: first name(s) (empty for companies and vessels) and last name. */
    public record Name(String first, String last) {
        public String full() {
            return first.isEmpty() ? last : first + " " + last;
        }
    }

    /** One generated entry: its id (a number, like an SDN uid), kind, primary name and aliases. */
    public record Entry(String id, Kind kind, Name name, List<Name> aliases) {
        public ListedEntry listed() {
            return new ListedEntry(id, name.full(), aliases.stream().map(Name::full).toList());
        }
    }

    private record Tradition(String[] given, String[] syllables, String[] endings) {
    }

    private static final List<Tradition> TRADITIONS = List.of(
            new Tradition(words("aleksandr sergei dmitri vladimir igor nikolai oleg yuri mikhail andrei pavel viktor"
                    + " boris ivan anatoly gennady yevgeny konstantin tatiana olga natalia svetlana irina elena"),
                    words("vol kov pet ras lav mir sok zhu gor bel dub kuz nes tar rom smir lob pol kras bar zai"
                            + " chern gri med ved ost rud sav tim yar"), words("ov ev in enko sky yuk ovsky")),
            new Tradition(words("mohammed ahmed ali hassan hussein omar khalid abdullah ibrahim yusuf mustafa mahmoud"
                    + " saeed tariq faisal hamza karim nasser walid jamal fatima aisha layla zainab abdul"),
                    words("ra shi ha ki za mu ba sa ja na ta fa qa da la ma su hu ri zu"),
                    words("di ri ni mi ani awi i id ib")),
            new Tradition(words("reza hossein mehdi ali ahmad javad majid saeed hamid masoud parisa maryam zahra"
                    + " shirin nasrin farhad behrouz kamran dariush"),
                    words("ja fa ri ta he da ne ma ko sro kha ba gha so bo za"),
                    words("i zadeh pour ian nejad far")),
            new Tradition(words("wei jun ming hui li jing xiao yong jian hong lei qiang ping hua yan"),
                    words("zh w l ch x h y g s t"), words("ang eng ong ao ian uan ei ui")),
            new Tradition(words("min jun seo ji hyun woo sung young jae hoon eun soo"),
                    words("k p ch j h s y"), words("im ark oi ang ung eon an")),
            new Tradition(words("jose juan carlos luis miguel jorge pedro rafael manuel antonio maria carmen ana"
                    + " lucia rosa diego alejandro"),
                    words("rod gon fern mart lop sanch per gom diaz tor ram flor vas cas ort mor"),
                    words("riguez zalez andez inez ez ero ales illo ano ada")),
            new Tradition(words("mehmet mustafa ahmet ali huseyin hasan ibrahim ismail osman yusuf murat emre"
                    + " ayse fatma emine"),
                    words("yil dir kaya cel demir sa ak ar kurt oz ko ay tas"),
                    words("oglu han mak lu can dag")),
            new Tradition(words("chukwuma emeka ngozi oluwaseun adebayo ibrahim musa abubakar fatou amadou kwame"
                    + " kofi aminata"),
                    words("ade olu oko nwa eze oba ola ibe uch ach"), words("wale yemi chukwu bayo nna ike")),
            new Tradition(words("john james robert michael william david richard thomas charles mary patricia jennifer"
                    + " linda elizabeth susan"),
                    words("har wood brad ash mil craw thorn black whit ches ford hamp"),
                    words("ley ton son field well ridge ham wick")));

    /** The people who make most payments: mostly not of the naming traditions most listed names come from. */
    private static final Tradition CUSTOMERS = new Tradition(
            words("oliver george harry jack jacob noah charlie thomas oscar william james henry leo alfie joshua"
                    + " freddie archie ethan isaac alexander joseph edward samuel max daniel arthur lucas adam"
                    + " olivia amelia isla ava emily sophia grace mia poppy ella lily evie chloe sophie jessica"
                    + " alice ruby daisy freya florence hannah priya anjali rohan arjun sean niamh siobhan"
                    + " tomasz katarzyna piotr andreea ionut"),
            words("bar brad cal dar ell fen gar hal kel lang mar nor pen ros sal tay ven wal whit york ash bell"
                    + " brook clay dun fair gold hart holl kings lock mor new rad stan sut thorn wes win"),
            words("ton ley son field well ridge ham wick er man ford stone by worth ing shaw croft"));

    private static final String[] COMPANY_WORDS = words("global trading shipping holdings petroleum energy"
            + " industrial logistics marine commerce investment general technical engineering metals chemical"
            + " resources capital star eagle crescent pacific atlantic golden silver green ocean orient united"
            + " national international group partners services development construction");
    private static final String[] LEGAL_FORMS = words("ltd llc jsc fze co gmbh sa limited pjsc inc");
    private static final String[] VESSEL_WORDS = words("grace star queen pearl spirit fortune victory sea wind"
            + " dawn glory princess horizon carrier pioneer");
    private static final String[] TITLES = words("dr mr general colonel sheikh");
    /** Spellings that sound alike, as transliterations differ. */
    private static final String[][] SOUNDS = {
            {"ph", "f"}, {"k", "q"}, {"q", "k"}, {"ou", "u"}, {"ee", "i"}, {"y", "i"}, {"i", "y"}, {"ch", "sh"},
            {"v", "w"}, {"ks", "x"}, {"x", "ks"}, {"oo", "u"}, {"dh", "d"}, {"kh", "h"}, {"j", "dj"}, {"e", "a"},
            {"mm", "m"}, {"sh", "sch"}, {"c", "k"}, {"ei", "ey"}};

    private final List<Entry> entries;

    private GeneratedSanctionsList(List<Entry> entries) {
        this.entries = entries;
    }

    /** A list of {@code size} entries: about 80 % individuals, 15 % companies, 5 % vessels. */
    public static GeneratedSanctionsList generate(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = Integer.toString(10_000 + i);
            int kind = random.nextInt(100);
            if (kind < 80) {
                entries.add(individual(random, id));
            } else if (kind < 95) {
                entries.add(company(random, id));
            } else {
                entries.add(vessel(random, id));
            }
        }
        return new GeneratedSanctionsList(List.copyOf(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<ListedEntry> listed() {
        return entries.stream().map(Entry::listed).toList();
    }

    /**
     * {@code count} names to screen: {@code nearMissPercent} % are variants of a listed name or alias, the rest are
     * people and companies made from the same name parts (most not listed, some by chance close to a listed one).
     */
    public List<String> screenedNames(long seed, int count, int nearMissPercent) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            if (random.nextInt(100) < nearMissPercent) {
                Entry entry = entries.get(random.nextInt(entries.size()));
                Name name = random.nextInt(3) == 0 && !entry.aliases().isEmpty()
                        ? entry.aliases().get(random.nextInt(entry.aliases().size())) : entry.name();
                names.add(nearMiss(random, name.full()));
            } else if (kind < 65) {
                String middle = random.nextInt(5) == 0 ? " " + capitalised(pick(random, CUSTOMERS.given)) : "";
                names.add(capitalised(pick(random, CUSTOMERS.given)) + middle + " " + surname(random, CUSTOMERS));
            } else if (kind < 90) {
                names.add(individual(random, "unrelated").name().full());
            } else {
                names.add(company(random, "unrelated").name().full());
            }
        }
        return names;
    }

    private static Entry individual(SplittableRandom random, String id) {
        Tradition tradition = TRADITIONS.get(random.nextInt(TRADITIONS.size()));
        String given = capitalised(pick(random, tradition.given));
        if (tradition == TRADITIONS.get(3) || tradition == TRADITIONS.get(4)) {
            given += pick(random, tradition.given); // two-syllable given names: Xiaoming, Junho
        }
        String surname = surname(random, tradition);
        String middle = "";
        int middleKind = random.nextInt(10);
        if (tradition == TRADITIONS.get(0) && middleKind < 6) {
            middle = capitalised(pick(random, tradition.given)) + (random.nextBoolean() ? "ovich" : "evich");
        } else if (tradition == TRADITIONS.get(1) && middleKind < 5) {
            middle = (random.nextBoolean() ? "bin " : "") + capitalised(pick(random, tradition.given));
        } else if (middleKind < 3) {
            middle = capitalised(pick(random, tradition.given));
        }
        if (tradition == TRADITIONS.get(1) && random.nextInt(10) < 4) {
            surname = "al-" + surname;
        }
        String first = middle.isEmpty() ? given : given + " " + middle;
        Name name = new Name(first, surname);
        Set<Name> aliases = new LinkedHashSet<>();
        int wanted = 2 + random.nextInt(3);
        for (int attempt = 0; aliases.size() < wanted && attempt < 10; attempt++) {
            Name alias = switch (random.nextInt(4)) {
                case 0 -> new Name(soundAlike(random, first), soundAlike(random, surname));
                case 1 -> new Name(given, soundAlike(random, surname));
                case 2 -> new Name(surname, first);
                default -> new Name(soundAlike(random, given), surname);
            };
            if (!alias.equals(name)) {
                aliases.add(alias);
            }
        }
        return new Entry(id, Kind.INDIVIDUAL, name, List.copyOf(aliases));
    }

    private static Entry company(SplittableRandom random, String id) {
        Tradition tradition = TRADITIONS.get(random.nextInt(TRADITIONS.size()));
        String brand = capitalised(surname(random, tradition));
        String core = brand + " " + capitalised(pick(random, COMPANY_WORDS));
        if (random.nextBoolean()) {
            core += " " + capitalised(pick(random, COMPANY_WORDS));
        }
        String legalForm = pick(random, LEGAL_FORMS).toUpperCase(Locale.ROOT);
        Name name = new Name("", core + " " + legalForm);
        Set<Name> aliases = new LinkedHashSet<>();
        aliases.add(new Name("", core));
        aliases.add(new Name("", soundAlike(random, brand) + core.substring(brand.length())));
        if (random.nextBoolean()) {
            aliases.add(new Name("", brand + " " + capitalised(pick(random, COMPANY_WORDS)) + " "
                    + pick(random, LEGAL_FORMS).toUpperCase(Locale.ROOT)));
        }
        return new Entry(id, Kind.ENTITY, name, List.copyOf(aliases));
    }

    private static Entry vessel(SplittableRandom random, String id) {
        String core = capitalised(pick(random, VESSEL_WORDS)) + " "
                + capitalised(surname(random, TRADITIONS.get(random.nextInt(TRADITIONS.size()))));
        Name name = new Name("", core + (random.nextBoolean() ? " " + (1 + random.nextInt(9)) : ""));
        Set<Name> aliases = new LinkedHashSet<>();
        aliases.add(new Name("", soundAlike(random, core)));
        aliases.add(new Name("", core.toUpperCase(Locale.ROOT)));
        return new Entry(id, Kind.VESSEL, name, List.copyOf(aliases));
    }

    private static String surname(SplittableRandom random, Tradition tradition) {
        StringBuilder surname = new StringBuilder(pick(random, tradition.syllables));
        if (random.nextBoolean()) {
            surname.append(pick(random, tradition.syllables));
        }
        surname.append(pick(random, tradition.endings));
        return capitalised(surname.toString());
    }

    private static String nearMiss(SplittableRandom random, String name) {
        List<String> tokens = new ArrayList<>(List.of(name.split(" ")));
        int which = random.nextInt(tokens.size());
        String token = tokens.get(which);
        switch (random.nextInt(8)) {
            case 0 -> tokens.set(which, substitute(random, token));
            case 1 -> tokens.set(which, transpose(random, token));
            case 2 -> tokens.set(which, drop(random, token));
            case 3 -> tokens.set(which, soundAlike(random, token));
            case 4 -> tokens.add(0, tokens.remove(tokens.size() - 1));
            case 5 -> {
                if (tokens.size() > 2) {
                    tokens.remove(1);
                }
            }
            case 6 -> tokens.add(0, capitalised(pick(random, TITLES)));
            default -> {
                // the name as listed
            }
        }
        return String.join(" ", tokens);
    }

    private static String substitute(SplittableRandom random, String token) {
        if (token.length() < 4) {
            return token;
        }
        int at = 1 + random.nextInt(token.length() - 1);
        char replacement = (char) ('a' + random.nextInt(26));
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    private static String transpose(SplittableRandom random, String token) {
        if (token.length() < 3) {
            return token;
        }
        int at = 1 + random.nextInt(token.length() - 2);
        return token.substring(0, at) + token.charAt(at + 1) + token.charAt(at) + token.substring(at + 2);
    }

    private static String drop(SplittableRandom random, String token) {
        if (token.length() < 5) {
            return token;
        }
        int at = 1 + random.nextInt(token.length() - 1);
        return token.substring(0, at) + token.substring(at + 1);
    }

    /** One sound-alike respelling, where the text allows one. */
    private static String soundAlike(SplittableRandom random, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = random.nextInt(SOUNDS.length);
        for (int i = 0; i < SOUNDS.length; i++) {
            String[] sound = SOUNDS[(start + i) % SOUNDS.length];
            int at = lower.indexOf(sound[0], 1);
            if (at > 0) {
                String respelt = lower.substring(0, at) + sound[1] + lower.substring(at + sound[0].length());
                return capitalisedWords(respelt);
            }
        }
        return text;
    }

    private static String capitalisedWords(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String[] words(String text) {
        return text.split(" ");
    }
}
