package com.paystream.sanctions.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings a name to the form screening compares, in this order:
 * <ol>
 *   <li>case: lower-cased (root locale);</li>
 *   <li>accents: NFD, combining marks stripped ({@code José Müller} → {@code jose muller}), and the few letters NFD
 *       does not decompose transliterated ({@code ß ø æ œ ł đ ð þ ı});</li>
 *   <li>punctuation: apostrophes vanish ({@code O'Brien} → {@code obrien}), any other non-letter, non-digit
 *       separates tokens ({@code Al-Qaddafi} → {@code al qaddafi}, {@code Dr.} → {@code dr});</li>
 *   <li>honorifics and titles (mr, mrs, dr, sir, sheikh, colonel, gen, ...) are dropped, unless nothing else would
 *       be left;</li>
 *   <li>corporate suffixes (ltd, limited, plc, inc, llc, ...) are <b>dropped from the compared tokens</b> and kept
 *       apart in {@link NormalisedName#legalForm()}: a legal form says nothing about who is behind a company, and
 *       keeping it would let {@code Acme Trading Limited} slip past a listed {@code Acme Trading Ltd} (or make two
 *       unrelated {@code ... Ltd} names look alike);</li>
 *   <li>token order: tokens are sorted, so {@code Ivanov Sergei} and {@code Sergei Ivanov} normalise alike.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class NameNormaliser {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, String> NOT_DECOMPOSED = Map.of(
            "ß", "ss", "ø", "o", "æ", "ae", "œ", "oe", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i");

    static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
            "sheikh", "shaikh", "sheik", "emir", "prince", "princess", "king", "queen", "hon", "rev", "reverend",
            "colonel", "col", "general", "gen", "major", "maj", "captain", "capt", "cpt", "lieutenant", "lt",
            "admiral", "adm", "sgt", "sergeant", "brigadier", "brig", "commander", "cmdr", "marshal",
            "president", "minister", "haji", "hajji", "mullah", "imam", "ayatollah");

    static final Set<String> CORPORATE_SUFFIXES = Set.of(
            "ltd", "limited", "plc", "inc", "incorporated", "llc", "llp", "lp", "corp", "corporation", "co",
            "company", "gmbh", "ag", "sa", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "pte", "pty",
            "ooo", "zao", "oao", "pjsc", "jsc");

    public NormalisedName normalise(String name) {
        if (name == null) {
            return new NormalisedName("", List.of(), List.of());
        }
        String text = foldAccents(name.toLowerCase(Locale.ROOT));
        text = APOSTROPHES.matcher(text).replaceAll("");
        List<String> all = new ArrayList<>();
        for (String token : SEPARATORS.split(text)) {
            if (!token.isEmpty()) {
                all.add(token);
            }
        }
        List<String> tokens = new ArrayList<>();
        List<String> legalForm = new ArrayList<>();
        for (String token : all) {
            if (CORPORATE_SUFFIXES.contains(token)) {
                legalForm.add(token);
            } else if (!HONORIFICS.contains(token)) {
                tokens.add(token);
            }
        }
        if (tokens.isEmpty()) {
            // "Dr" or "Limited" alone: keep what there is rather than screen nothing.
            tokens.addAll(all);
            legalForm.clear();
        }
        tokens.sort(null);
        return new NormalisedName(name, tokens, legalForm);
    }

    static String foldAccents(String text) {
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            out.append(NOT_DECOMPOSED.getOrDefault(s, s));
        });
        return out.toString();
    }
}
