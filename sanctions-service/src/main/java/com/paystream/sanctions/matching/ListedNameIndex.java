package com.paystream.sanctions.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The listed entries, indexed so that screening a name scores only the entries that could match it: the candidate
 * selection before scoring. Screening through it ({@link PartyScreening}) finds exactly the matches (entries, listed
 * names, scores, order) of a full scan with {@link NameMatcher#bestOf} over every entry: only entries and names that
 * cannot reach the threshold are left out. This is proven below, not estimated, and a test compares the two on a
 * generated list.
 *
 * <p><b>Why no match is lost.</b> {@link NameMatcher#score} is never above the similarity of its best token pair:
 * equal keys share a token (similarity 1); with two pairs or more the score is their mean minus a penalty; with one
 * pair it is that pair's similarity divided by the longer name's token count. The score is rounded to 4 decimals, so a
 * listed name scoring at least the threshold {@code t} has a token pair (screened token, listed token) of similarity
 * at least {@code t - 0.0001}, the <i>token floor</i>. A token pair reaches its similarity by one of two routes:
 * <ul>
 *   <li><b>sound:</b> the Double Metaphone boost needs a shared code. Distinct listed tokens are indexed by their
 *       primary and alternate codes, so the tokens sounding like a screened token are a lookup;</li>
 *   <li><b>spelling:</b> otherwise the similarity is the Jaro-Winkler similarity. With {@code m} matching characters,
 *       Jaro is {@code (m/|a| + m/|b| + (m - t/2)/m) / 3} with {@code t} the half-transpositions, and {@code m} is at
 *       most {@code c}, the characters the two tokens have in common counted with repetition (each match pairs two
 *       equal characters); so Jaro is at most {@code (c/|a| + c/|b| + 1) / 3}. Jaro-Winkler (commons-text: no bonus
 *       below 0.7, else {@code j + 0.1 l (1 - j)} with {@code l} the common prefix, at most 4) never falls as Jaro
 *       grows, so that bound, with the pair's own prefix, bounds the similarity from above
 *       ({@link #spellingBound}). For each pair of lengths and each prefix the fewest common characters that could
 *       reach the floor are computed once; the distinct listed tokens, grouped by length, are scanned with their
 *       letter counts as bit sets and their first four characters packed in a long (see {@link Letters}), and only
 *       the few whose bound reaches the floor are compared exactly. Lengths that cannot reach it are skipped
 *       whole.</li>
 * </ul>
 * A listed token whose exact similarity to some screened token reaches the floor is a <i>candidate token</i>. The
 * candidates are the entries with a candidate token in their name or an alias, each with just those of its names that
 * have one and whose score could reach the floor (an upper bound of the score from upper bounds of each token pair's
 * similarity, without comparing tokens exactly: see {@link Screened#couldReach}); an entry's other names score below
 * the threshold, so they are never its best match when it has a match. Candidates come in the list's order (the
 * order of addition, as the list keeps it), so even ties come out as the full scan has them.
 * The index holds distinct tokens (far fewer than entries times tokens), each with the entries and names using it,
 * and each entry's names normalised once.
 *
 * <p>Thread-safe: screenings read concurrently; adding and removing entries (the list's read model) write under a
 * lock.
 */
public final class ListedNameIndex {
    /** The scorer rounds to 4 decimals: a raw score this much under the threshold can still round up to it. */
    static final double ROUNDING_MARGIN = 0.0001;
    private static final double EPSILON = 1e-9;
    private static final int WINKLER_PREFIX = 4;
    private static final int REMEMBERED_LENGTHS = 64;
    /** Names are told apart by a bit each in a long; the 64th and later names of an entry share the last bit. */
    private static final int LAST_NAME_BIT = Long.SIZE - 1;

    private final NameMatcher matcher;
    private final double tokenFloor;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Listed> entries = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<LengthGroup> tokensByLength = new ArrayList<>();
    private final Map<String, Set<Token>> tokensByCode = new HashMap<>();
    private long nextSequence;
    /** {@link #commonNeeded} by the two lengths (a pure function of them and the floor), computed up front. */
    private final int[][][] commonNeeded = new int[REMEMBERED_LENGTHS][REMEMBERED_LENGTHS][];

    public ListedNameIndex(NameMatcher matcher) {
        this.matcher = matcher;
        this.tokenFloor = matcher.threshold() - ROUNDING_MARGIN;
        for (int length = 1; length < REMEMBERED_LENGTHS; length++) {
            for (int otherLength = 1; otherLength < REMEMBERED_LENGTHS; otherLength++) {
                commonNeeded[length][otherLength] = computeCommonNeeded(length, otherLength,
                        Math.min(WINKLER_PREFIX, Math.min(length, otherLength)));
            }
        }
    }

    /** Adds the entry, or replaces the entry with its id (keeping that entry's place in the list's order). */
    public void add(ListedEntry entry) {
        List<String> names = entry.allNames();
        List<NormalisedName> forms = names.stream().map(matcher.normaliser()::normalise).toList();
        Map<String, Long> entryTokens = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long bit = 1L << Math.min(i, LAST_NAME_BIT);
            for (String token : forms.get(i).tokens()) {
                entryTokens.merge(token, bit, (a, b) -> a | b);
            }
        }
        lock.writeLock().lock();
        try {
            Listed previous = entries.get(entry.entryId());
            long sequence = previous == null ? nextSequence++ : previous.sequence;
            if (previous != null) {
                unlink(previous);
            }
            Token[][] nameTokens = new Token[names.size()][];
            Listed listed = new Listed(entry, sequence, names, forms, nameTokens, entryTokens.keySet());
            entryTokens.forEach((text, nameBits) ->
                    tokens.computeIfAbsent(text, this::newToken).entries.put(listed, nameBits));
            for (int i = 0; i < names.size(); i++) {
                nameTokens[i] = forms.get(i).tokens().stream().map(tokens::get).toArray(Token[]::new);
            }
            entries.put(entry.entryId(), listed);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the entry with this id, if there is one. */
    public void remove(String entryId) {
        lock.writeLock().lock();
        try {
            Listed listed = entries.remove(entryId);
            if (listed != null) {
                unlink(listed);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Empties the index. */
    public void clear() {
        lock.writeLock().lock();
        try {
            entries.clear();
            tokens.clear();
            tokensByLength.clear();
            tokensByCode.clear();
            nextSequence = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        return read(entries::size);
    }

    /** The distinct tokens of all listed names and aliases. */
    public int distinctTokens() {
        return read(tokens::size);
    }

    /**
     * The entries that could score at least the threshold against this name, in the list's order: every entry the
     * full scan would match is among them.
     */
    public List<Candidate> candidates(String screenedName) {
        List<String> screenedTokens = matcher.normaliser().normalise(screenedName).tokens();
        return read(() -> {
            Map<Listed, Long> found = new HashMap<>();
            for (String screened : new LinkedHashSet<>(screenedTokens)) {
                for (Token token : candidateTokens(screened)) {
                    token.entries.forEach((listed, names) -> found.merge(listed, names, (a, b) -> a | b));
                }
            }
            Screened screened = new Screened(screenedTokens);
            return found.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getKey().sequence))
                    .map(e -> e.getKey().candidate(e.getValue(), screened)).filter(Objects::nonNull).toList();
        });
    }

    private <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * An entry that could match, with those of its names (in its order: name, then aliases) that could reach the
     * threshold, and their normalised forms. Its other names score below it, so they are never its best match when it
     * has one.
     */
    public record Candidate(ListedEntry entry, List<String> names, List<NormalisedName> normalised) {
    }

    private Set<Token> candidateTokens(String screened) {
        Set<Token> found = new HashSet<>();
        for (String code : matcher.phoneticCodes(screened)) {
            for (Token token : tokensByCode.getOrDefault(code, Set.of())) {
                if (matcher.tokenSimilarity(screened, token.text) >= tokenFloor) {
                    found.add(token);
                }
            }
        }
        Letters letters = new Letters(screened);
        int length = screened.length();
        for (int otherLength = 1; otherLength < tokensByLength.size(); otherLength++) {
            int longestPrefix = Math.min(WINKLER_PREFIX, Math.min(length, otherLength));
            int[] needed = commonNeeded(length, otherLength, longestPrefix);
            if (needed[longestPrefix] == Integer.MAX_VALUE) {
                continue;
            }
            LengthGroup group = tokensByLength.get(otherLength);
            for (int i = 0; i < group.size; i++) {
                long differences = letters.head ^ group.head[i];
                int prefix = differences == 0 ? longestPrefix
                        : Math.min(longestPrefix, Long.numberOfLeadingZeros(differences) / Character.SIZE);
                // the common characters counted with repetition, or more (see Letters)
                int common = Long.bitCount(letters.once & group.once[i])
                        + Long.bitCount(letters.twice & group.twice[i])
                        + Long.bitCount(letters.thrice & group.thrice[i])
                        + Math.min(letters.extra, group.extra[i]);
                if (common >= needed[prefix]) {
                    Token token = group.tokens[i];
                    if (!found.contains(token) && matcher.tokenSimilarity(screened, token.text) >= tokenFloor) {
                        found.add(token);
                    }
                }
            }
        }
        return found;
    }

    /**
     * For each common prefix up to {@code longestPrefix}, the fewest common characters with which a token of
     * {@code length} and one of {@code otherLength} could reach the floor ({@link Integer#MAX_VALUE}: they cannot).
     */
    private int[] commonNeeded(int length, int otherLength, int longestPrefix) {
        return length < REMEMBERED_LENGTHS && otherLength < REMEMBERED_LENGTHS ? commonNeeded[length][otherLength]
                : computeCommonNeeded(length, otherLength, longestPrefix);
    }

    private int[] computeCommonNeeded(int length, int otherLength, int longestPrefix) {
        int[] needed = new int[WINKLER_PREFIX + 1];
        Arrays.fill(needed, Integer.MAX_VALUE);
        int most = Math.min(length, otherLength);
        for (int prefix = 0; prefix <= longestPrefix; prefix++) {
            for (int common = 1; common <= most; common++) {
                if (spellingBound(length, otherLength, common, prefix) >= tokenFloor) {
                    needed[prefix] = common;
                    break;
                }
            }
        }
        return needed;
    }

    /**
     * The highest Jaro-Winkler similarity two tokens of these lengths can have with {@code common} characters in
     * common (counted with repetition) and a common prefix of {@code prefix} characters, plus a rounding allowance.
     */
    static double spellingBound(int length, int otherLength, int common, int prefix) {
        if (common == 0) {
            return 0;
        }
        double jaro = ((double) common / length + (double) common / otherLength + 1) / 3;
        double jaroWinkler = jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
        return jaroWinkler + EPSILON;
    }

    private Token newToken(String text) {
        Token token = new Token(text, new Letters(text), matcher.phoneticCodes(text));
        while (tokensByLength.size() <= text.length()) {
            tokensByLength.add(new LengthGroup());
        }
        tokensByLength.get(text.length()).add(token);
        for (String code : token.codes) {
            tokensByCode.computeIfAbsent(code, c -> new HashSet<>()).add(token);
        }
        return token;
    }

    private void unlink(Listed listed) {
        for (String text : listed.tokens) {
            Token token = tokens.get(text);
            token.entries.remove(listed);
            if (token.entries.isEmpty()) {
                tokens.remove(text);
                tokensByLength.get(text.length()).remove(token);
                for (String code : token.codes) {
                    Set<Token> sounding = tokensByCode.get(code);
                    sounding.remove(token);
                    if (sounding.isEmpty()) {
                        tokensByCode.remove(code);
                    }
                }
            }
        }
    }

    /**
     * A screened name's tokens (in the scorer's order, repeats kept) with their letters and sound codes, to bound the
     * score of a listed name from above without comparing tokens exactly.
     */
    private final class Screened {
        final List<String> texts;
        final Letters[] letters;
        final List<Set<String>> codes;

        Screened(List<String> texts) {
            this.texts = texts;
            this.letters = texts.stream().map(Letters::new).toArray(Letters[]::new);
            this.codes = texts.stream().map(matcher::phoneticCodes).toList();
        }

        /**
         * Whether a listed name of these tokens could score at least the floor: an upper bound of its raw score, as
         * {@link NameMatcher#score} computes it, from upper bounds of each token pair's similarity. With two pairs or
         * more, each pair is at most its screened token's best bound and the pairs use distinct screened tokens, so
         * the mean is at most the mean of the best {@code pairs} of those; with one pair, the best bound divided by
         * the longer name's token count.
         */
        boolean couldReach(Token[] listed) {
            int left = texts.size();
            if (left == 0 || listed.length == 0) {
                return false;
            }
            double[] best = new double[left];
            for (int i = 0; i < left; i++) {
                for (Token token : listed) {
                    best[i] = Math.max(best[i], mostSimilarity(i, token));
                }
            }
            Arrays.sort(best);
            int pairs = Math.min(left, listed.length);
            int longer = Math.max(left, listed.length);
            double sum = 0;
            for (int k = 1; k <= pairs; k++) {
                sum += best[left - k];
            }
            double most = pairs >= 2 ? sum / pairs - NameMatcher.UNPAIRED_TOKEN_PENALTY * (longer - pairs)
                    : sum / longer;
            return most + EPSILON >= tokenFloor;
        }

        /**
         * At least {@link NameMatcher#tokenSimilarity}: 1 for equal tokens; else the spelling bound, or, for tokens
         * sharing a sound code, the most the boost can make of it.
         */
        private double mostSimilarity(int screened, Token token) {
            String text = texts.get(screened);
            if (text.equals(token.text)) {
                return 1;
            }
            Letters mine = letters[screened];
            int length = text.length();
            int otherLength = token.text.length();
            int longestPrefix = Math.min(WINKLER_PREFIX, Math.min(length, otherLength));
            long differences = mine.head ^ token.letters.head;
            int prefix = differences == 0 ? longestPrefix
                    : Math.min(longestPrefix, Long.numberOfLeadingZeros(differences) / Character.SIZE);
            double spelling = Math.min(1, spellingBound(length, otherLength, mine.common(token.letters), prefix));
            return spelling < NameMatcher.PHONETIC_GATE || Collections.disjoint(codes.get(screened), token.codes)
                    ? spelling : (1 + spelling) / 2;
        }
    }

    /**
     * An entry with its place in the list's order, its names (name, then aliases) and their normalised forms, and the
     * distinct tokens of its names. Identity equality.
     */
    private static final class Listed {
        final ListedEntry entry;
        final long sequence;
        final List<String> names;
        final List<NormalisedName> forms;
        final Token[][] nameTokens;
        final Set<String> tokens;

        Listed(ListedEntry entry, long sequence, List<String> names, List<NormalisedName> forms,
               Token[][] nameTokens, Set<String> tokens) {
            this.entry = entry;
            this.sequence = sequence;
            this.names = names;
            this.forms = forms;
            this.nameTokens = nameTokens;
            this.tokens = tokens;
        }

        /**
         * This entry as a candidate, with the names whose bits are set and whose score could reach the floor; none
         * when no name could.
         */
        Candidate candidate(long nameBits, Screened screened) {
            List<String> chosen = new ArrayList<>(Long.bitCount(nameBits));
            List<NormalisedName> chosenForms = new ArrayList<>(Long.bitCount(nameBits));
            for (int i = 0; i < names.size(); i++) {
                if ((nameBits & 1L << Math.min(i, LAST_NAME_BIT)) != 0 && screened.couldReach(nameTokens[i])) {
                    chosen.add(names.get(i));
                    chosenForms.add(forms.get(i));
                }
            }
            return chosen.isEmpty() ? null : new Candidate(entry, chosen, chosenForms);
        }
    }

    /**
     * A distinct listed token, the entries using it (each with the bits of its names that have the token), its slot
     * among the tokens of its length. Identity equality.
     */
    private static final class Token {
        final String text;
        final Letters letters;
        final Set<String> codes;
        final Map<Listed, Long> entries = new HashMap<>();
        int slot;

        Token(String text, Letters letters, Set<String> codes) {
            this.text = text;
            this.letters = letters;
            this.codes = codes;
        }
    }

    /**
     * A token's first four characters packed in a long (the first in the highest bits: the common prefix of two tokens
     * is where the packed values first differ), and its characters counted in three bit sets over the 36 letters and
     * digits (those occurring at least once, twice, three times) plus {@code extra}: the characters the sets leave
     * out (any other character, and the fourth and later occurrences of one). The characters two tokens have in
     * common, counted with repetition, are at most the sizes of the three intersections plus the smaller extra (each
     * character's common count is {@code min} of its two counts: the part up to three is in the sets, the rest in the
     * extras), and exactly that when either extra is zero.
     */
    private static final class Letters {
        final long head;
        final long once;
        final long twice;
        final long thrice;
        final int extra;

        Letters(String token) {
            long packed = 0;
            for (int i = 0; i < WINKLER_PREFIX; i++) {
                packed = packed << Character.SIZE | (i < token.length() ? token.charAt(i) : 0);
            }
            head = packed;
            char[] sorted = token.toCharArray();
            Arrays.sort(sorted);
            long[] atLeast = new long[4];
            int outside = 0;
            int run = 0;
            for (int i = 0; i < sorted.length; i++) {
                char c = sorted[i];
                int bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : -1;
                run = i > 0 && sorted[i - 1] == c ? run + 1 : 1;
                if (bit < 0 || run > 3) {
                    outside++;
                } else {
                    atLeast[run] |= 1L << bit;
                }
            }
            once = atLeast[1];
            twice = atLeast[2];
            thrice = atLeast[3];
            extra = outside;
        }

        /** The characters in common with another token, counted with repetition, or more (see above). */
        int common(Letters other) {
            return Long.bitCount(once & other.once) + Long.bitCount(twice & other.twice)
                    + Long.bitCount(thrice & other.thrice) + Math.min(extra, other.extra);
        }
    }

    /** The tokens of one length, with their heads and letter counts side by side for a fast scan. */
    private static final class LengthGroup {
        Token[] tokens = new Token[16];
        long[] head = new long[16];
        long[] once = new long[16];
        long[] twice = new long[16];
        long[] thrice = new long[16];
        int[] extra = new int[16];
        int size;

        void add(Token token) {
            if (size == tokens.length) {
                tokens = Arrays.copyOf(tokens, size * 2);
                head = Arrays.copyOf(head, size * 2);
                once = Arrays.copyOf(once, size * 2);
                twice = Arrays.copyOf(twice, size * 2);
                thrice = Arrays.copyOf(thrice, size * 2);
                extra = Arrays.copyOf(extra, size * 2);
            }
            put(size, token);
            size++;
        }

        void remove(Token token) {
            size--;
            Token last = tokens[size];
            if (last != token) {
                put(token.slot, last);
            }
            tokens[size] = null;
        }

        private void put(int slot, Token token) {
            tokens[slot] = token;
            head[slot] = token.letters.head;
            once[slot] = token.letters.once;
            twice[slot] = token.letters.twice;
            thrice[slot] = token.letters.thrice;
            extra[slot] = token.letters.extra;
            token.slot = slot;
        }
    }
}
