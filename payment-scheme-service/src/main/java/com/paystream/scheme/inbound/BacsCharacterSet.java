package com.paystream.scheme.inbound;

/**
 * The Bacs character set: upper-case letters, digits, space, full stop, ampersand, slash and hyphen. Every field of a
 * payment and every character of a Standard 18 file must be one of these.
 */
public final class BacsCharacterSet {
    private BacsCharacterSet() {
    }

    public static boolean contains(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '&' || c == '/'
                || c == '-';
    }

    /** The index of the first character outside the set, or -1 when every character is in it. */
    public static int firstOutside(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!contains(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
