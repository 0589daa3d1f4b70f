package com.paystream.simulator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the simulated scheme delivers, and what it knows of the receiving bank's accounts. Accounts are written
 * {@code sortCode:accountNumber:HOLDER NAME}; the defaults are the data seeder's demo accounts.
 */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {
    /** The bank's scheme gateway (payment-scheme-service). */
    @WithDefault("http://localhost:8081")
    URI paymentSchemeUrl();

    /** How long one delivery may take before it counts as failed. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Deliveries in flight at once while sending a batch. */
    @WithDefault("4")
    int batchConcurrency();

    /** The largest batch one request may ask for. */
    @WithDefault("10000")
    int maxBatchSize();

    /** Fixes the random generator (reproducible runs); random when absent. */
    OptionalLong randomSeed();

    Accounts accounts();

    Outbound outbound();

    Files files();

    /** The Standard 18 files the scheme makes and uploads ({@code /simulator/inbound-files}). */
    interface Files {
        /** The most credits one file may hold. */
        @WithDefault("100000")
        int maxCredits();

        /** How long an upload (the bank checks the file and makes its payments) may take. */
        @WithDefault("5m")
        Duration uploadTimeout();
    }

    /** The scheme's side of outbound payments (the bank sends, the scheme settles or returns). */
    interface Outbound {
        /**
         * IMMEDIATE settles a payment as soon as it is received; BACS_CYCLE on its entry day (input day, then
         * processing day, then entry day, working days only), or when {@code POST .../settle-due} says so.
         */
        @WithDefault("IMMEDIATE")
        Settlement settlement();

        /** A returned payment may come back up to this many processing days after its entry day. */
        @WithDefault("5")
        int returnWindowDays();

        /** Sort codes the scheme does not know: a payment to one is refused. */
        @WithDefault("000000")
        List<String> unknownSortCodes();

        enum Settlement { IMMEDIATE, BACS_CYCLE }
    }

    /**
     * Originator names that the bank's sanctions list should catch (spellings of listed names, not necessarily the
     * listed spelling). At most 18 characters in the Bacs character set.
     */
    List<String> sanctionedNames();

    interface Accounts {
        /** Open accounts: valid payments and sanctioned originators pay into these. */
        List<String> open();

        List<String> closed();

        List<String> blocked();

        /**
         * Unknown accounts are made up under this sort code: account numbers the bank does not hold that pass the
         * modulus check.
         */
        @WithDefault("608371")
        String unknownSortCode();

        /**
         * The MOD11 weights of the unknown sort code's row in the modulus table ({@code valacdos}): 14 numbers, sort
         * code then account number. The default is 608371's row; change both together.
         */
        @WithDefault("0,0,0,0,0,0,2,8,4,3,7,5,6,1")
        List<Integer> unknownSortCodeWeights();
    }
}
