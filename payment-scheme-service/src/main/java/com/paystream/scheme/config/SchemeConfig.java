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

    Sanctions sanctions();

    Activity activity();

    Files files();

    /** Standard 18 files the scheme uploads ({@code POST /inbound-files}). */
    interface Files {
        /** Payments received in one atomic write to the store. */
        @WithDefault("500")
        int batchSize();

        /** Such writes in flight at once while a file's payments are created. */
        @WithDefault("4")
        int writeConcurrency();
    }

    Calendar calendar();

    EntryDay entryDay();

    /** The Bacs calendar's bank holidays. */
    interface Calendar {
        /**
         * A newer copy of GOV.UK's bank-holidays.json (its england-and-wales division is used); the bundled one when
         * absent.
         */
        Optional<String> bankHolidaysPath();
    }

    /** Payments delivered ahead of their entry day, which wait for it. */
    interface EntryDay {
        /** How often the waiting payments are looked at, and those whose entry day has come are released. */
        @WithDefault("1m")
        java.time.Duration checkInterval();
    }

    /** When an originator's activity raises a signal. */
    interface Activity {
        /** Payments from one originator in one UTC day at or above which the day is flagged. */
        @WithDefault("50")
        int dailyPaymentsAlert();

        /** Held payments (sanctions near-matches) from one originator at or above which it is flagged. */
        @WithDefault("2")
        int heldPaymentsAlert();
    }

    interface Sanctions {
        /** sanctions-service, asked for a payment's screening decision when its timeline is shown. */
        @WithDefault("http://localhost:8082")
        java.net.URI url();

        @WithDefault("5s")
        java.time.Duration requestTimeout();
    }

    interface Outbound {
        /** The scheme's submission service (the scheme simulator locally). */
        @WithDefault("http://localhost:8084")
        java.net.URI schemeUrl();

        /** How long a submission may take before it counts as not answered (and is retried). */
        @WithDefault("10s")
        java.time.Duration requestTimeout();
    }

    interface Modulus {
        /** A newer edition of Vocalink's weight table (valacdos.txt); the bundled one when absent. */
        Optional<String> weightTablePath();

        /** A newer edition of Vocalink's sorting code substitution table (scsubtab.txt); the bundled one when absent. */
        Optional<String> substitutionTablePath();
    }
}
