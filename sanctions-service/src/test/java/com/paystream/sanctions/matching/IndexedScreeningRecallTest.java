package com.paystream.sanctions.matching;

import com.paystream.events.SanctionsMatch;
import com.paystream.events.SanctionsMatch.ScreenedParty;
import com.paystream.sanctions.testing.GeneratedSanctionsList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate selection loses nothing: on a generated list (people of several naming traditions, companies,
 * vessels, with aliases) and names screened against it (unrelated names from the same name parts, and near misses:
 * misspelt, letters swapped, reordered, spelt as they sound, a middle name dropped, a title added), screening through
 * the index gives exactly the matches of a full scan, name by name: same entries, listed names, scores, order.
 */
class IndexedScreeningRecallTest {
    private static final int ENTRIES = 2_000;
    private static final int SCREENED = 1_500;
    private static final NameMatcher MATCHER = new NameMatcher();
    private static final PartyScreening SCREENING = new PartyScreening(MATCHER);
    private static List<ListedEntry> list;
    private static ListedNameIndex index;
    private static List<String> screenedNames;

    @BeforeAll
    static void generate() {
        GeneratedSanctionsList generated = GeneratedSanctionsList.generate(22, ENTRIES);
        list = generated.listed();
        index = new ListedNameIndex(MATCHER);
        list.forEach(index::add);
        screenedNames = generated.screenedNames(7, SCREENED, 40);
    }

    @Test
    void everyScreenedNameGetsTheMatchesOfAFullScan() {
        List<String> differences = new ArrayList<>();
        int matched = 0;
        for (String name : screenedNames) {
            List<SanctionsMatch> fullScan = SCREENING.screen(ScreenedParty.BENEFICIARY, name, list);
            List<SanctionsMatch> indexed = SCREENING.screen(ScreenedParty.BENEFICIARY, name, index);
            if (!indexed.equals(fullScan)) {
                differences.add(name + ": full scan " + fullScan + ", indexed " + indexed);
            }
            matched += fullScan.isEmpty() ? 0 : 1;
        }
        assertThat(differences).isEmpty();
        assertThat(matched).as("screened names the full scan matches").isGreaterThan(SCREENED / 5);
    }

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(doubles = {0.7, 0.8, 0.95})
    void atOtherThresholdsTooTheIndexFindsTheMatchesOfAFullScan(double threshold) {
        PartyScreening screening = new PartyScreening(new NameMatcher(threshold));
        ListedNameIndex smaller = new ListedNameIndex(new NameMatcher(threshold));
        List<ListedEntry> entries = list.subList(0, 400);
        entries.forEach(smaller::add);
        List<String> differences = new ArrayList<>();
        for (String name : screenedNames.subList(0, 300)) {
            List<SanctionsMatch> fullScan = screening.screen(ScreenedParty.BENEFICIARY, name, entries);
            if (!screening.screen(ScreenedParty.BENEFICIARY, name, smaller).equals(fullScan)) {
                differences.add(name);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theIndexScoresAFractionOfTheList() {
        long examined = screenedNames.stream().mapToLong(name -> index.candidates(name).size()).sum();
        assertThat((double) examined / screenedNames.size()).isLessThan(ENTRIES / 10.0);
    }
}
