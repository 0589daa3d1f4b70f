package com.paystream.sanctions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code sanctions.*} settings. */
@ConfigMapping(prefix = "sanctions")
public interface SanctionsConfig {
    /** The list screened against: stream {@code sanctionslist-{listId}}. */
    @WithDefault("default")
    String listId();

    /** Append the fictitious seed list on start when the list stream does not exist yet. */
    @WithDefault("true")
    boolean seedList();

    /** Score in (0, 1] from which a name counts as a match. */
    @WithDefault("0.85")
    double matchThreshold();

    /** How often held payments are screened again against the names added to the list since (e.g. {@code 5s}). */
    @WithDefault("5s")
    java.time.Duration rescreenInterval();
}
