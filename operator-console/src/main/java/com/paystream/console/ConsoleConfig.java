package com.paystream.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where the services are, as the console reaches them (not as the browser would: the browser only sees the console). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {
    URI paymentSchemeUrl();

    URI sanctionsUrl();

    URI accountsUrl();

    URI simulatorUrl();

    /** How long a service may take to answer one call passed on. */
    @WithDefault("10s")
    Duration timeout();
}
