package com.paystream.sanctions.matching;

/**
 * How similar a screened name is to one listed name (or alias): {@code score} in [0, 1], {@code matched} when it
 * reaches the matcher's threshold.
 */
public record NameMatch(String screenedName, String listedName, double score, boolean matched) {
}
