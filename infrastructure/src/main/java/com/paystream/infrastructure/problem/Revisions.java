package com.paystream.infrastructure.problem;

import com.paystream.infrastructure.store.Expected;

/**
 * A stream revision carried through HTTP: {@code ETag: "3"} out, {@code If-Match: "3"} in.
 */
public final class Revisions {
    private Revisions() {
    }

    /** The ETag value (quoted) of a revision. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The expected revision an {@code If-Match} header asks for; {@code fallback} when it is absent.
     *
     * @throws ValidationProblem when it is not a revision we handed out
     */
    public static Expected fromIfMatch(String ifMatch, Expected fallback) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return fallback;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long revision = Long.parseLong(value);
            if (revision < 0) {
                throw new NumberFormatException();
            }
            return Expected.at(revision);
        } catch (NumberFormatException e) {
            throw ValidationProblem.field("If-Match", "must be an ETag this API returned, e.g. \"3\"");
        }
    }

    /**
     * Checks a loaded revision against {@code If-Match} before deciding.
     *
     * @throws PreconditionFailedProblem when they differ
     */
    public static void requireMatch(String ifMatch, long currentRevision) {
        Expected expected = fromIfMatch(ifMatch, null);
        if (expected instanceof Expected.At at && at.revision() != currentRevision) {
            throw new PreconditionFailedProblem("The resource is at revision " + currentRevision + ", not "
                    + at.revision());
        }
    }
}
