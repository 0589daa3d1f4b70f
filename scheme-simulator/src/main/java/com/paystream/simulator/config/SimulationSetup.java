package com.paystream.simulator.config;

import com.paystream.events.BacsCalendar;
import com.paystream.simulator.generate.BankAccount;
import com.paystream.simulator.generate.Mod11AccountNumbers;
import com.paystream.simulator.generate.Names;
import com.paystream.simulator.generate.PaymentGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Builds the payment generator from the configuration; a malformed account fails the start with its key. */
public class SimulationSetup {
    @Produces
    @ApplicationScoped
    PaymentGenerator generator(SimulatorConfig config) {
        Random random = config.randomSeed().isPresent() ? new Random(config.randomSeed().getAsLong()) : new Random();
        SimulatorConfig.Accounts accounts = config.accounts();
        return new PaymentGenerator(random, Names.bundled(), parse("simulator.accounts.open", accounts.open()),
                parse("simulator.accounts.closed", accounts.closed()),
                parse("simulator.accounts.blocked", accounts.blocked()),
                config.sanctionedNames().stream().map(String::strip).collect(Collectors.toList()),
                unknownAccounts(accounts), BacsCalendar.englandAndWales());
    }

    private static Mod11AccountNumbers unknownAccounts(SimulatorConfig.Accounts accounts) {
        try {
            return new Mod11AccountNumbers(accounts.unknownSortCode(), accounts.unknownSortCodeWeights());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("simulator.accounts.unknown-sort-code(-weights): " + e.getMessage(), e);
        }
    }

    private static List<BankAccount> parse(String key, List<String> accounts) {
        try {
            return accounts.stream().filter(text -> !text.isBlank()).map(BankAccount::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
