package com.paystream.sanctions.matching;

import com.paystream.events.SanctionsMatch.ScreenedParty;
import com.paystream.sanctions.testing.GeneratedSanctionsList;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ListedNameIndexTest {
    private final NameMatcher matcher = new NameMatcher();
    private final ListedNameIndex index = new ListedNameIndex(matcher);

    private List<String> candidateIds(String screened) {
        return index.candidates(screened).stream().map(candidate -> candidate.entry().entryId()).toList();
    }

    @Test
    void anEntryIsACandidateForItsOwnName() {
        index.add(new ListedEntry("e1", "Quintus Zarvenheim", List.of()));

        assertThat(candidateIds("Quintus Zarvenheim")).containsExactly("e1");
    }

    @Test
    void anEntryIsACandidateForANameThatSoundsLikeOneOfItsAliases() {
        index.add(new ListedEntry("e1", "Zorbek Trading LLC", List.of("Muammar Qaddafi")));

        assertThat(candidateIds("Moammar Kadafi")).containsExactly("e1");
    }

    @Test
    void aNameWithNothingLikeAListedTokenHasNoCandidates() {
        index.add(new ListedEntry("e1", "Quintus Zarvenheim", List.of("Kwintus Zarwenheim")));
        index.add(new ListedEntry("e2", "Aleksandr Fictivovich Nemoyev", List.of("Sasha Nemoev")));

        assertThat(index.candidates("Jane Doe")).isEmpty();
    }

    @Test
    void onlyTheNamesWithACandidateTokenAreScored() {
        index.add(new ListedEntry("e1", "Aleksandr Nemoyev", List.of("Sasha Nemoev", "Quintus Brack")));

        assertThat(index.candidates("Kwintus Brack")).singleElement()
                .satisfies(candidate -> assertThat(candidate.names()).containsExactly("Quintus Brack"));
    }

    @Test
    void candidatesComeInTheOrderTheEntriesWereAdded() {
        index.add(new ListedEntry("e2", "Ivan Volkov", List.of()));
        index.add(new ListedEntry("e1", "Ivan Volkova", List.of()));
        index.add(new ListedEntry("e3", "Ivan Volkovs", List.of()));

        assertThat(candidateIds("Ivan Volkov")).containsExactly("e2", "e1", "e3");
    }

    @Test
    void aRemovedEntryIsNoLongerACandidateAndItsTokensLeaveTheIndex() {
        index.add(new ListedEntry("e1", "Quintus Zarvenheim", List.of()));
        int tokensBefore = index.distinctTokens();
        index.add(new ListedEntry("e2", "Aleksandr Nemoyev", List.of("Sasha Nemoev")));

        index.remove("e2");

        assertThat(index.candidates("Sasha Nemoev")).isEmpty();
        assertThat(index.distinctTokens()).isEqualTo(tokensBefore);
        assertThat(candidateIds("Quintus Zarvenheim")).containsExactly("e1");
    }

    @Test
    void aTokenStaysWhileAnotherEntryStillUsesIt() {
        index.add(new ListedEntry("e1", "Ivan Volkov", List.of()));
        index.add(new ListedEntry("e2", "Ivan", List.of()));

        index.remove("e1");

        assertThat(candidateIds("Ivan")).containsExactly("e2");
    }

    @Test
    void aSingleTokenIsNoCandidateForALongerName() {
        index.add(new ListedEntry("e1", "Ivan Petrovich Sidorov", List.of()));

        assertThat(index.candidates("Ivan")).isEmpty();
    }

    @Test
    void anEntryAddedAgainHasOnlyItsNewNamesAndKeepsItsPlace() {
        index.add(new ListedEntry("e1", "Quintus Zarvenheim", List.of()));
        index.add(new ListedEntry("e2", "Quintus Zarvenheimer", List.of()));

        index.add(new ListedEntry("e1", "Quintus Zarvenhaim", List.of("Aleksandr Nemoyev")));

        assertThat(candidateIds("Aleksandr Nemoyev")).containsExactly("e1");
        assertThat(candidateIds("Quintus Zarvenheim")).containsExactly("e1", "e2");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void aClearedIndexHasNoCandidates() {
        index.add(new ListedEntry("e1", "Quintus Zarvenheim", List.of()));

        index.clear();

        assertThat(index.candidates("Quintus Zarvenheim")).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void theSpellingBoundIsNeverBelowTheJaroWinklerSimilarity() {
        List<String> tokens = GeneratedSanctionsList.generate(3, 400).listed().stream()
                .flatMap(entry -> entry.allNames().stream())
                .flatMap(name -> matcher.normaliser().normalise(name).tokens().stream()).distinct().toList();
        JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
        SplittableRandom random = new SplittableRandom(5);
        List<String> below = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String a = tokens.get(random.nextInt(tokens.size()));
            String b = tokens.get(random.nextInt(tokens.size()));
            double bound = ListedNameIndex.spellingBound(a.length(), b.length(), common(a, b), prefix(a, b));
            if (bound < jaroWinkler.apply(a, b)) {
                below.add(a + "/" + b);
            }
        }
        assertThat(below).isEmpty();
    }

    @Test
    void screeningsWhileTheListChangesFindWhatIsListed() throws Exception {
        GeneratedSanctionsList generated = GeneratedSanctionsList.generate(9, 600);
        List<ListedEntry> entries = generated.listed();
        entries.subList(0, 300).forEach(index::add);
        PartyScreening screening = new PartyScreening(matcher);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> changes = threads.submit(() -> {
                entries.subList(300, 600).forEach(index::add);
                entries.subList(300, 600).forEach(entry -> index.remove(entry.entryId()));
            });
            List<Future<List<String>>> screenings = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                screenings.add(threads.submit(() -> entries.subList(0, 300).stream()
                        .filter(entry -> screening.screen(ScreenedParty.BENEFICIARY, entry.name(), index).stream()
                                .noneMatch(match -> match.listEntryId().equals(entry.entryId())))
                        .map(ListedEntry::entryId).toList()));
            }
            changes.get(60, TimeUnit.SECONDS);
            for (Future<List<String>> missed : screenings) {
                assertThat(missed.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(300);
    }

    private static int common(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        Arrays.sort(x);
        Arrays.sort(y);
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    private static int prefix(String a, String b) {
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return prefix;
    }
}
