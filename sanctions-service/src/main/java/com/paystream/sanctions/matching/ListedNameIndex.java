package com.paystream.sanctions.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The listed entries, indexed so that screening a name scores only the entries that could match it: the candidate
 * selection before scoring. Screening through it finds exactly the matches (entries, listed names, scores, order) of
 * a full scan with {@link NameMatcher#bestOf} over every entry; only the entries that cannot reach the threshold are
 * left out.
 *
 * <p><b>Why no match is lost.</b> {@link NameMatcher#score} is never above the similarity of its best token pair:
 * equal keys share a token (similarity 1); with two pairs or more the score is their mean minus a penalty; with one
 * pair it is that pair's similarity divided by the longer name's token count. The score is rounded to 4 decimals, so a
 * name scoring at least the threshold {@code t} has a token pair (screened token, listed token) of similarity at least
 * {@code t - 0.0001}, the <i>token floor</i>. A token pair reaches its similarity by one of two routes:
 * <ul>
 *   <li><b>sound:</b> the Double Metaphone boost needs equal codes. Distinct listed tokens are indexed by their
 *       primary and alternate codes, so the tokens sounding like a screened token are a lookup;</li>
 *   <li><b>spelling:</b> otherwise the similarity is the Jaro-Winkler similarity. With {@code m} matching characters,
 *       Jaro is {@code (m/|a| + m/|b| + (m - t/2)/m) / 3} with {@code t} the half-transpositions, and {@code m} is at
 *       most {@code c}, the characters the two tokens have in common counted with repetition (each match pairs two
 *       equal characters); so Jaro is at most {@code (c/|a| + c/|b| + 1) / 3}. Jaro-Winkler (commons-text: no bonus
 *       below 0.7, else {@code j + 0.1 l (1 - j)} with {@code l} the common prefix, at most 4) grows with Jaro, so
 *       that bound, with the pair's own prefix, bounds the similarity from above. Every distinct listed token whose
 *       bound reaches the floor is compared exactly; lengths whose best case (all characters common, prefix 4)
 *       cannot reach it are skipped whole.</li>
 * </ul>
 * A listed token whose exact similarity to some screened token reaches the floor is a <i>candidate token</i>; the
 * entries having a candidate token in their name or an alias are the candidates, scored as the full scan scores them,
 * in the list's order (the order of addition, as the list keeps it), so even ties come out in the same order.
 * The index holds distinct tokens (far fewer than entries times tokens), each with the entries using it.
 *
 * <p>Thread-safe: screenings read concurrently; adding and removing entries (the list's read model) write under a
 * lock.
 */
public final class ListedNameIndex {
    /** The scorer rounds to 4 decimals: a raw score this much under the threshold can still round up to it. */
    static final double ROUNDING_MARGIN = 0.0001;
    private static final double EPSILON = 1e-9;
    private static final int WINKLER_PREFIX = 4;

    private final NameMatcher matcher;
    private final double tokenFloor;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Listed> entries = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<List<Token>> tokensByLength = new ArrayList<>();
    private final Map<String, Set<Token>> tokensByCode = new HashMap<>();
    private long nextSequence;

    public ListedNameIndex(NameMatcher matcher) {
        this.matcher = matcher;
        this.tokenFloor = matcher.threshold() - ROUNDING_MARGIN;
    }

    /** Adds the entry, or replaces the entry with its id (keeping that entry's place in the list's order). */
    public void add(ListedEntry entry) {
        Set<String> entryTokens = new HashSet<>();
        for (String name : entry.allNames()) {
            entryTokens.addAll(matcher.normaliser().normalise(name).tokens());
        }
        lock.writeLock().lock();
        try {
            Listed previous = entries.get(entry.entryId());
            long sequence = previous == null ? nextSequence++ : previous.sequence;
            if (previous != null) {
                unlink(previous);
            }
            Listed listed = new Listed(entry, sequence, entryTokens);
            for (String text : entryTokens) {
                tokens.computeIfAbsent(text, this::newToken).entries.add(listed);
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
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The distinct tokens of all listed names and aliases. */
    public int distinctTokens() {
        lock.readLock().lock();
        try {
            return tokens.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every entry, in the list's order. */
    public List<ListedEntry> entries() {
        lock.readLock().lock();
        try {
            return inListOrder(entries.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The entries that could score at least the threshold against this name, in the list's order: every entry the
     * full scan would match is among them.
     */
    public List<ListedEntry> candidates(String screenedName) {
        List<String> screenedTokens = matcher.normaliser().normalise(screenedName).tokens();
        lock.readLock().lock();
        try {
            Set<Listed> found = new HashSet<>();
            for (String screened : new LinkedHashSet<>(screenedTokens)) {
                for (Token token : candidateTokens(screened)) {
                    found.addAll(token.entries);
                }
            }
            return inListOrder(found);
        } finally {
            lock.readLock().unlock();
        }
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
        char[] sorted = sortedChars(screened);
        int length = screened.length();
        for (int otherLength = 1; otherLength < tokensByLength.size(); otherLength++) {
            int bestCommon = Math.min(length, otherLength);
            if (spellingBound(length, otherLength, bestCommon, Math.min(WINKLER_PREFIX, bestCommon)) < tokenFloor) {
                continue;
            }
            for (Token token : tokensByLength.get(otherLength)) {
                double bound = spellingBound(length, otherLength, common(sorted, token.sortedChars),
                        commonPrefix(screened, token.text));
                if (bound >= tokenFloor && !found.contains(token)
                        && matcher.tokenSimilarity(screened, token.text) >= tokenFloor) {
                    found.add(token);
                }
            }
        }
        return found;
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

    /** Characters two sorted arrays have in common, counted with repetition. */
    static int common(char[] a, char[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    private static int commonPrefix(String a, String b) {
        int limit = Math.min(WINKLER_PREFIX, Math.min(a.length(), b.length()));
        int prefix = 0;
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return prefix;
    }

    private static char[] sortedChars(String text) {
        char[] chars = text.toCharArray();
        Arrays.sort(chars);
        return chars;
    }

    private Token newToken(String text) {
        Token token = new Token(text, sortedChars(text), matcher.phoneticCodes(text));
        while (tokensByLength.size() <= text.length()) {
            tokensByLength.add(new ArrayList<>());
        }
        List<Token> sameLength = tokensByLength.get(text.length());
        token.slot = sameLength.size();
        sameLength.add(token);
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
                List<Token> sameLength = tokensByLength.get(text.length());
                Token last = sameLength.remove(sameLength.size() - 1);
                if (last != token) {
                    sameLength.set(token.slot, last);
                    last.slot = token.slot;
                }
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

    private static List<ListedEntry> inListOrder(Collection<Listed> listed) {
        return listed.stream().sorted(Comparator.comparingLong(l -> l.sequence)).map(l -> l.entry).toList();
    }

    /** An entry with its place in the list's order and the distinct tokens of its names. Identity equality. */
    private static final class Listed {
        final ListedEntry entry;
        final long sequence;
        final Set<String> tokens;

        Listed(ListedEntry entry, long sequence, Set<String> tokens) {
            this.entry = entry;
            this.sequence = sequence;
            this.tokens = tokens;
        }
    }

    /** A distinct listed token, the entries using it, its slot among the tokens of its length. Identity equality. */
    private static final class Token {
        final String text;
        final char[] sortedChars;
        final Set<String> codes;
        final Set<Listed> entries = new HashSet<>();
        int slot;

        Token(String text, char[] sortedChars, Set<String> codes) {
            this.text = text;
            this.sortedChars = sortedChars;
            this.codes = codes;
        }
    }
}
