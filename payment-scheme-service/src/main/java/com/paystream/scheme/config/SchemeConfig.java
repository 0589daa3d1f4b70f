package com.paystream.scheme.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Scheme settings. */
@ConfigMapping(prefix = "scheme")
public interface SchemeConfig {
    /** The Bacs item limit, in pence (default £20,000,000.00). */
    @WithDefault("2000000000")
    long itemLimitPence();

    Modulus modulus();

    Outbound outbound();

    interface Outbound {
        /** The scheme's submission service (the scheme simulator locally). */
        @WithDefault("http://localhost:8084")
        java.net.URI schemeUrl();

        /** How long a submission may take before it counts as not answered (and is retried). */
        @WithDefault("10s")
        java.time.Duration requestTimeout();
    }

    interface Modulus {
        /** The official valacdos.txt to check account numbers with; the bundled example table when absent. */
        Optional<String> weightTablePath();
    }
}
