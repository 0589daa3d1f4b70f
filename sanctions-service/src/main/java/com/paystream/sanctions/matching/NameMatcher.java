package com.paystream.sanctions.matching;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fuzzy comparison of two person or company names.
 *
 * <p><b>Tokens.</b> Both names are normalised ({@link NameNormaliser}) into tokens. Every token of one name is
 * compared with every token of the other: Jaro-Winkler similarity, raised when the two tokens sound alike (Double
 * Metaphone, primary or alternate code equal: {@code qaddafi} / {@code gaddafi} / {@code kadafi},
 * {@code aleksandr} / {@code alexander}) and already similar in spelling ({@value #PHONETIC_GATE}). The boost closes
 * half of the gap to 1.
 *
 * <p><b>Pairing.</b> Tokens are paired one-to-one, best pair first (greedy assignment on similarity), so the order
 * of the tokens does not matter ({@code Ivanov Sergei} = {@code Sergei Ivanov}).
 *
 * <p><b>Score.</b> With at least two pairs: the mean similarity of the pairs, minus {@value #UNPAIRED_TOKEN_PENALTY}
 * for each token of the longer name left without a partner (a missing middle name costs a little, it does not
 * hide the match). With a single pair but more tokens on either side (a common first name alone against a full
 * listed name), the pair's similarity is scaled by {@code 1 / tokens of the longer name}: one token never matches a
 * full name. Single token against single token: their similarity.
 *
 * <p>Stateless and thread-safe.
 */
public final class NameMatcher {
    public static final double DEFAULT_THRESHOLD = 0.85;
    static final double UNPAIRED_TOKEN_PENALTY = 0.04;
    /**
     * Below this Jaro-Winkler similarity two tokens are different names even when their Double Metaphone codes
     * agree (codes ignore vowels: {@code jane} and {@code john} are both {@code JN}).
     */
    static final double PHONETIC_GATE = 0.75;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private static final int MAX_REMEMBERED_LISTED_NAMES = 100_000;

    private final NameNormaliser normaliser;
    private final Map<String, NormalisedName> listedForms = new ConcurrentHashMap<>();
    private final DoubleMetaphone metaphone;
    private final double threshold;

    public NameMatcher() {
        this(DEFAULT_THRESHOLD);
    }

    public NameMatcher(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("The threshold is in (0, 1]: " + threshold);
        }
        this.threshold = threshold;
        this.normaliser = new NameNormaliser();
        this.metaphone = new DoubleMetaphone();
        this.metaphone.setMaxCodeLen(8);
    }

    public double threshold() {
        return threshold;
    }

    public NameNormaliser normaliser() {
        return normaliser;
    }

    /**
     * A listed name, normalised once: every payment is screened against the same few thousand listed names and
     * aliases, and normalising them again for each payment took a third of the screening's time. Normalising is a
     * pure function of the text, so the remembered form is always right; the memory is bounded.
     */
    private NormalisedName listedForm(String listed) {
        NormalisedName known = listedForms.get(listed);
        if (known != null) {
            return known;
        }
        if (listedForms.size() >= MAX_REMEMBERED_LISTED_NAMES) {
            listedForms.clear();
        }
        NormalisedName normalised = normaliser.normalise(listed);
        listedForms.put(listed, normalised);
        return normalised;
    }

    public NameMatch match(String screenedName, String listedName) {
        double score = score(normaliser.normalise(screenedName), normaliser.normalise(listedName));
        return new NameMatch(screenedName, listedName, score, score >= threshold);
    }

    /** The best of the listed name and its aliases: the one with the highest score. */
    public NameMatch bestOf(String screenedName, List<String> listedNames) {
        NormalisedName screened = normaliser.normalise(screenedName);
        return bestOf(screened, listedNames, null, (i, listed) -> tokenSimilarity(screened.tokens().get(i), listed));
    }

    /**
     * A screened name prepared for comparing with many listed names: normalised once, and each token similarity
     * computed once (listed names share tokens: the same given names and surnames recur across entries). Its
     * {@link Screened#bestOf} gives what {@link #bestOf} gives. For one screening, on one thread.
     */
    public Screened screened(String screenedName) {
        return new Screened(normaliser.normalise(screenedName));
    }

    /** {@code forms}: the listed names normalised, when known (null: normalised here). */
    private NameMatch bestOf(NormalisedName screened, List<String> listedNames, List<NormalisedName> forms,
                             TokenSimilarities similarities) {
        NameMatch best = null;
        for (int i = 0; i < listedNames.size(); i++) {
            String listed = listedNames.get(i);
            double score = score(screened, forms == null ? listedForm(listed) : forms.get(i), similarities);
            if (best == null || score > best.score()) {
                best = new NameMatch(screened.original(), listed, score, score >= threshold);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("No listed name to compare with");
        }
        return best;
    }

    double score(NormalisedName a, NormalisedName b) {
        return score(a, b, (i, listed) -> tokenSimilarity(a.tokens().get(i), listed));
    }

    private double score(NormalisedName a, NormalisedName b, TokenSimilarities similarities) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.tokens().equals(b.tokens())) {
            return 1; // equal keys: tokens have no spaces, so equal lists are equal keys
        }
        List<String> left = a.tokens();
        List<String> right = b.tokens();
        List<Pair> candidates = new ArrayList<>(left.size() * right.size());
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                candidates.add(new Pair(i, j, similarities.between(i, right.get(j))));
            }
        }
        candidates.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        boolean[] leftUsed = new boolean[left.size()];
        boolean[] rightUsed = new boolean[right.size()];
        double sum = 0;
        int pairs = 0;
        for (Pair pair : candidates) {
            if (!leftUsed[pair.left] && !rightUsed[pair.right]) {
                leftUsed[pair.left] = true;
                rightUsed[pair.right] = true;
                sum += pair.similarity;
                pairs++;
            }
        }
        int longer = Math.max(left.size(), right.size());
        double score;
        if (pairs >= 2) {
            score = sum / pairs - UNPAIRED_TOKEN_PENALTY * (longer - pairs);
        } else {
            score = sum / longer;
        }
        return round(Math.max(0, Math.min(1, score)));
    }

    double tokenSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        double similarity = JARO_WINKLER.apply(a, b);
        if (similarity >= PHONETIC_GATE && soundAlike(a, b)) {
            similarity += (1 - similarity) / 2;
        }
        return similarity;
    }

    private boolean soundAlike(String a, String b) {
        if (a.length() < 3 || b.length() < 3) {
            return false;
        }
        String a1 = metaphone.doubleMetaphone(a);
        String b1 = metaphone.doubleMetaphone(b);
        String a2 = metaphone.doubleMetaphone(a, true);
        String b2 = metaphone.doubleMetaphone(b, true);
        return nonEmptyEqual(a1, b1) || nonEmptyEqual(a1, b2) || nonEmptyEqual(a2, b1) || nonEmptyEqual(a2, b2);
    }

    private static boolean nonEmptyEqual(String x, String y) {
        return x != null && !x.isEmpty() && x.equals(y);
    }

    /**
     * The token's Double Metaphone codes, primary and alternate, that are not empty; none for a token of fewer than
     * three characters. Two tokens {@linkplain #soundAlike sound alike} exactly when they share one of these codes.
     */
    Set<String> phoneticCodes(String token) {
        if (token.length() < 3) {
            return Set.of();
        }
        Set<String> codes = new HashSet<>(2);
        for (String code : List.of(metaphone.doubleMetaphone(token), metaphone.doubleMetaphone(token, true))) {
            if (code != null && !code.isEmpty()) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private record Pair(int left, int right, double similarity) {
    }

    /** The similarity of the screened name's token {@code screenedToken} (its index) and a listed token. */
    @FunctionalInterface
    private interface TokenSimilarities {
        double between(int screenedToken, String listedToken);
    }

    /** See {@link #screened(String)}. */
    public final class Screened {
        private final NormalisedName name;
        private final Map<String, double[]> similarities = new HashMap<>();

        private Screened(NormalisedName name) {
            this.name = name;
        }

        /** The best of the listed name and its aliases, as {@link NameMatcher#bestOf} scores them. */
        public NameMatch bestOf(List<String> listedNames) {
            return NameMatcher.this.bestOf(name, listedNames, null, this::similarity);
        }

        /** As {@link #bestOf(List)}, with the listed names already normalised by this matcher's normaliser. */
        NameMatch bestOf(List<String> listedNames, List<NormalisedName> normalised) {
            return NameMatcher.this.bestOf(name, listedNames, normalised, this::similarity);
        }

        private double similarity(int screenedToken, String listedToken) {
            double[] known = similarities.computeIfAbsent(listedToken, token -> {
                double[] unknown = new double[name.tokens().size()];
                Arrays.fill(unknown, Double.NaN);
                return unknown;
            });
            if (Double.isNaN(known[screenedToken])) {
                known[screenedToken] = tokenSimilarity(name.tokens().get(screenedToken), listedToken);
            }
            return known[screenedToken];
        }
    }
}
