package com.paystream.sanctions.matching;

import java.util.List;

/**
 * A name as screening compares it: lower-case ASCII tokens, sorted, without honorifics and without the legal form.
 * {@code legalForm} keeps the corporate suffixes found (e.g. {@code [ltd]}) for display and audit only: they never
 * take part in the comparison.
 */
public record NormalisedName(String original, List<String> tokens, List<String> legalForm) {
    public NormalisedName {
        tokens = List.copyOf(tokens);
        legalForm = List.copyOf(legalForm);
    }

    /** The tokens joined by a space: equal keys mean the same name up to case, accents, titles, order. */
    public String key() {
        return String.join(" ", tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
