package com.paystream.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's leader changes while payments stream in, and changes back: the services follow the leader through the
 * store's gossip, make again on the new leader the calls the former one refused, and their consumer groups start
 * again there from their last checkpoints (what was delivered since comes again). Every payment still ends once,
 * nothing is credited twice, and the balance is the sum of the credits. It prints its figures.
 */
@ExtendWith(Suite.class)
class LeaderChangeSystemTest {
    private static final int PAYMENTS = 240;
    private static final int SENDERS = 4;
    private final Suite suite = Suite.get();
    private final Bank bank = new Bank(suite);

    @Test
    void aLeaderChangeBackAndForthUnderLoadLosesNoPaymentAndCreditsNoneTwice() throws Exception {
        Bank.Account account = bank.openAccount("LEADER CHANGE");
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> sending = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < SENDERS; s++) {
            sending.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < PAYMENTS; i = next.getAndIncrement()) {
                    delivered.add(bank.deliverUntilAnswered(Bank.delivery(account, "TX-LEADER-" + UUID.randomUUID(),
                            100 + i)));
                }
            }));
        }
        int firstLeader;
        int secondLeader;
        int atFirstChange;
        int atSecondChange;
        long allDelivered;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() >= PAYMENTS / 3);
            firstLeader = suite.storeLeaderPort();
            atFirstChange = delivered.size();
            secondLeader = suite.resignStoreLeader();
            await().atMost(Duration.ofSeconds(120)).until(() -> delivered.size() >= 2 * PAYMENTS / 3);
            atSecondChange = delivered.size();
            assertThat(suite.resignStoreLeader()).as("the leader, back on the first node").isEqualTo(firstLeader);
            for (Future<?> sender : sending) {
                sender.get(180, TimeUnit.SECONDS);
            }
            allDelivered = System.nanoTime();
        } finally {
            senders.shutdownNow();
        }
        await("every payment of the account completed").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> bank.paymentsOf(account, "COMPLETED").size() >= PAYMENTS);
        long allCompleted = System.nanoTime();

        assertThat(secondLeader).isNotEqualTo(firstLeader);
        assertThat(delivered).doesNotHaveDuplicates().hasSize(PAYMENTS);
        assertThat(bank.paymentsOf(account, "COMPLETED")).as("every payment completed, each once")
                .containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(bank.statement(account)).as("the account's credits, from its events: each payment once")
                .containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(bank.balance(account)).isEqualTo(PAYMENTS * 100L + PAYMENTS * (PAYMENTS - 1L) / 2);
        System.out.printf("[leader change] %d payments from %d senders; the store's leader moved from :%d to :%d "
                        + "after %d were delivered and back after %d; all delivered in %d ms, all completed %d ms "
                        + "later; lost 0, credited twice 0%n", PAYMENTS, SENDERS, firstLeader, secondLeader,
                atFirstChange, atSecondChange, (allDelivered - started) / 1_000_000,
                (allCompleted - allDelivered) / 1_000_000);
    }
}
