package com.paystream.sanctions.imports;

import com.paystream.events.InboundPaymentDetails;
import com.paystream.events.InboundPaymentHeld;
import com.paystream.events.InboundPaymentValidated;
import com.paystream.events.Money;
import com.paystream.events.Party;
import com.paystream.events.PaymentStreams;
import com.paystream.events.SanctionsMatch;
import com.paystream.infrastructure.store.Causation;
import com.paystream.infrastructure.store.EventStore;
import com.paystream.infrastructure.store.Expected;
import com.paystream.infrastructure.store.LoadedStream;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.TestTokens;
import com.paystream.sanctions.list.SanctionedNameAdded;
import com.paystream.sanctions.list.SanctionedNameChanged;
import com.paystream.sanctions.list.SanctionedNameRemoved;
import com.paystream.sanctions.list.SanctionsListCodec;
import com.paystream.sanctions.list.SanctionsListCommands;
import com.paystream.sanctions.list.SanctionsListEvent;
import com.paystream.sanctions.list.SanctionsListImported;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.paystream.infrastructure.testing.Operators.OFFICER;
import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static com.paystream.sanctions.imports.ListFiles.OFAC_EMPTY;
import static com.paystream.sanctions.imports.ListFiles.OFAC_FIRST;
import static com.paystream.sanctions.imports.ListFiles.OFAC_LATER;
import static com.paystream.sanctions.imports.ListFiles.UK_EMPTY;
import static com.paystream.sanctions.imports.ListFiles.UK_FIRST;
import static com.paystream.sanctions.imports.ListFiles.UK_LATER;
import static com.paystream.sanctions.imports.ListFiles.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Importing official list files over HTTP. Every test starts its source from an empty publication (which takes that
 * source's entries off the list), so each sees the same list whatever ran before it.
 */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class SanctionsListImportsResourceTest {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    EventStore store;
    @Inject
    SanctionsListCommands commands;

    private static ValidatableResponse upload(RequestSpecification as, String format, String file) {
        return as.contentType("application/xml").body(file).queryParam("format", format)
                .post("/sanctions-lists/imports").then();
    }

    private static ValidatableResponse importFile(String format, String file) {
        return upload(asOfficer(), format, file);
    }

    private LoadedStream<SanctionsListEvent> list() {
        return store.load(commands.stream(), SanctionsListCodec.INSTANCE);
    }

    private List<SanctionsListEvent> eventsAfter(long revision) {
        return list().events().stream().filter(e -> e.revision() > revision).map(e -> e.event()).toList();
    }

    private static List<String> listedIds() {
        return asOfficer().get("/sanctioned-names").then().statusCode(200).extract().path("entryId");
    }

    /** Takes the source's entries off the list (whatever outcome: they may be off already). */
    private void startFromEmpty(String format, String emptyFile) {
        importFile(format, emptyFile).statusCode(anyOf(is(200), is(201)));
    }

    private long revision() {
        return list().revision();
    }

    private void assertRefusedWholeWritingNothing(String format, String file, String entry, String reasonPart) {
        long before = revision();
        importFile(format, file).statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:paystream:problem:sanctions-list-file-refused"))
                .body("problemCount", equalTo(1))
                .body("problems[0].entry", equalTo(entry))
                .body("problems[0].reason", containsString(reasonPart));
        assertThat(revision()).as("list revision").isEqualTo(before);
    }

    @Test
    void anOfacSdnPublicationPutsItsEntriesOnTheList() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        importFile("ofac-sdn", text(OFAC_FIRST)).statusCode(201)
                .body("outcome", equalTo("IMPORTED")).body("source", equalTo("ofac-sdn"))
                .body("publicationId", startsWith("ofac-sdn:2026-11-02:")).body("publishedOn", equalTo("2026-11-02"))
                .body("entries", equalTo(3)).body("added", equalTo(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> listedIds().contains("OFAC-90003"));
        asOfficer().get("/sanctioned-names/OFAC-90001").then().statusCode(200)
                .body("name", equalTo("Varkon Teodor ZELMIRANOV"))
                .body("aliases", hasItem("Varkon ZELMIRANOFF"))
                .body("dateOfBirth", equalTo("1964-03-17"))
                .body("listReference", equalTo("OFAC SDN 90001 (Individual; FICT1, FICT2)"))
                .body("addedByName", equalTo(OFFICER));
    }

    @Test
    void aUkSanctionsListPublicationPutsItsEntriesOnTheList() {
        startFromEmpty("uk-sanctions-list", UK_EMPTY);
        importFile("uk-sanctions-list", text(UK_FIRST)).statusCode(201)
                .body("outcome", equalTo("IMPORTED")).body("publishedOn", equalTo("2026-11-02"))
                .body("added", equalTo(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> listedIds().contains("UK-FIC0003"));
        asOfficer().get("/sanctioned-names/UK-FIC0001").then().statusCode(200)
                .body("name", equalTo("Orsolva Dimitra KASTRAVELLI"))
                .body("aliases", equalTo(List.of("Orsolya KASTRAVELI", "THE GREY HERON")))
                .body("country", equalTo("MT"));
    }

    @Test
    void anImportIsRecordedWithItsPublicationAndWhoImportedIt() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        long before = revision();
        importFile("ofac-sdn", text(OFAC_FIRST)).statusCode(201);
        assertThat(eventsAfter(before).get(0)).isInstanceOfSatisfying(SanctionsListImported.class, imported -> {
            assertThat(imported.source()).isEqualTo("ofac-sdn");
            assertThat(imported.publishedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(imported.publicationId()).isEqualTo("ofac-sdn:2026-11-02:" + imported.sha256().substring(0, 16));
            assertThat(imported.added()).isEqualTo(3);
            assertThat(imported.importedBy()).isEqualTo(TestTokens.subjectOf(OFFICER));
        });
    }

    /** The events importing {@code later} after {@code first} wrote (one entry added, one changed, one removed). */
    private List<SanctionsListEvent> laterPublicationWrote(String format, String empty, String first, String later) {
        startFromEmpty(format, empty);
        importFile(format, text(first)).statusCode(201);
        long before = revision();
        importFile(format, text(later)).statusCode(201)
                .body("added", equalTo(1)).body("changed", equalTo(1)).body("removed", equalTo(1));
        return eventsAfter(before);
    }

    @Test
    void aLaterOfacPublicationWritesOnlyItsDifferencesEachAsAnEvent() {
        List<SanctionsListEvent> written = laterPublicationWrote("ofac-sdn", OFAC_EMPTY, OFAC_FIRST, OFAC_LATER);
        assertThat(written).hasSize(4);
        assertThat(written.get(0)).isInstanceOf(SanctionsListImported.class);
        assertThat(written.get(1)).isInstanceOfSatisfying(SanctionedNameAdded.class,
                added -> assertThat(added.entryId()).isEqualTo("OFAC-90004"));
        assertThat(written.get(2)).isInstanceOfSatisfying(SanctionedNameChanged.class,
                changed -> assertThat(changed.entryId()).isEqualTo("OFAC-90001"));
        assertThat(written.get(3)).isInstanceOfSatisfying(SanctionedNameRemoved.class,
                removed -> assertThat(removed.entryId()).isEqualTo("OFAC-90003"));
    }

    @Test
    void aLaterUkPublicationWritesOnlyItsDifferencesEachAsAnEvent() {
        assertThat(laterPublicationWrote("uk-sanctions-list", UK_EMPTY, UK_FIRST, UK_LATER)).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "SanctionsListImported", "SanctionedNameAdded", "SanctionedNameChanged", "SanctionedNameRemoved");
        await().atMost(Duration.ofSeconds(10)).until(() -> !listedIds().contains("UK-FIC0003"));
        asOfficer().get("/sanctioned-names/UK-FIC0002").then().statusCode(200)
                .body("aliases", equalTo(List.of("TRELLIQUON WORKS JSC")));
    }

    @Test
    void theSamePublicationImportedTwiceChangesNothing() {
        startFromEmpty("uk-sanctions-list", UK_EMPTY);
        importFile("uk-sanctions-list", text(UK_FIRST)).statusCode(201);
        long before = revision();
        importFile("uk-sanctions-list", text(UK_FIRST)).statusCode(200)
                .body("outcome", equalTo("NO_CHANGES")).body("added", equalTo(0)).body("removed", equalTo(0));
        assertThat(revision()).isEqualTo(before);
    }

    @Test
    void aFileInAnotherNamespaceIsRefusedWholeAndNothingIsWritten() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        assertRefusedWholeWritingNothing("ofac-sdn", text(OFAC_FIRST).replace(OfacSdnReader.SLS_NAMESPACE,
                "urn:example:other"), null, "in namespace urn:example:other");
    }

    @Test
    void aTruncatedFileIsRefusedWholeAndNothingIsWritten() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        String whole = text(OFAC_FIRST);
        assertRefusedWholeWritingNothing("ofac-sdn", whole.substring(0, whole.indexOf("<uid>90003</uid>")), null,
                "not well-formed XML");
    }

    @Test
    void aFileWithAnIdTwiceIsRefusedWholeAndNothingIsWritten() {
        startFromEmpty("uk-sanctions-list", UK_EMPTY);
        assertRefusedWholeWritingNothing("uk-sanctions-list", text(UK_LATER).replace("<UniqueID>FIC0004</UniqueID>",
                "<UniqueID>FIC0001</UniqueID>"), "FIC0001", "appears twice");
    }

    @Test
    void aFileWithAnEntryWithoutANameIsRefusedWholeAndNothingIsWritten() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        assertRefusedWholeWritingNothing("ofac-sdn", text(OFAC_LATER).replace("<lastName>PRASKOVENKO</lastName>",
                ""), "90004", "No lastName");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheParameter() {
        importFile("eu-fsf", text(OFAC_FIRST)).statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void withoutATokenNoFileIsImported() {
        upload(given(), "ofac-sdn", text(OFAC_FIRST)).statusCode(401);
    }

    @Test
    void anAuditorMayNotImportAList() {
        upload(asAuditor(), "ofac-sdn", text(OFAC_FIRST)).statusCode(403);
    }

    @Test
    void aNameImportedFromAnOfficialListHoldsAPaymentFromIt() {
        startFromEmpty("uk-sanctions-list", UK_EMPTY);
        importFile("uk-sanctions-list", text(UK_LATER)).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> listedIds().contains("UK-FIC0004"));

        assertThat(heldMatches("QUINTANELLOS BELVARO"))
                .anySatisfy(match -> assertThat(match.listEntryId()).isEqualTo("UK-FIC0004"));
    }

    @Test
    void anEntryWhoseNamesAPublicationChangedIsScreenedUnderItsNewNames() {
        startFromEmpty("uk-sanctions-list", UK_EMPTY);
        importFile("uk-sanctions-list", text(UK_FIRST)).statusCode(201);
        // as a later publication would write it: the ship MARVELLO SPINDRIFT renamed
        store.append(commands.stream(), list().expected(), Causation.command("test:" + UUID.randomUUID(), "test"),
                List.of(new SanctionedNameChanged("UK-FIC0003", "ZEBEDIAH QUARTERFIELD", List.of(), null, null,
                        "FICT", Instant.now(), "subject", "officer")), SanctionsListCodec.INSTANCE);
        await().atMost(Duration.ofSeconds(10)).until(() -> asOfficer().get("/sanctioned-names/UK-FIC0003")
                .then().extract().path("name").equals("ZEBEDIAH QUARTERFIELD"));

        assertThat(heldMatches("ZEBEDIAH QUARTERFIELD"))
                .anySatisfy(match -> assertThat(match.listEntryId()).isEqualTo("UK-FIC0003"));
    }

    /** The matches of the hold a validated payment from {@code originator} meets (it must be held). */
    private List<SanctionsMatch> heldMatches(String originator) {
        String paymentId = UUID.randomUUID().toString();
        InboundPaymentDetails details = new InboundPaymentDetails("TX-" + paymentId,
                new Party(originator, "089999", "66374958"), new Party("JANE DOE", "107999", "88837491"),
                Money.pence(1_000), "INV 1", LocalDate.of(2026, 11, 24));
        store.append(PaymentStreams.payment(paymentId), Expected.any(),
                Causation.command("test:" + paymentId, paymentId),
                List.of(new InboundPaymentValidated(paymentId, details, Instant.parse("2026-11-23T10:00:00Z"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> store.load(PaymentStreams.payment(paymentId)).payloads()
                .stream().anyMatch(InboundPaymentHeld.class::isInstance));
        return store.load(PaymentStreams.payment(paymentId)).payloads().stream()
                .filter(InboundPaymentHeld.class::isInstance).map(InboundPaymentHeld.class::cast).findFirst()
                .orElseThrow().matches();
    }

    @Test
    void anInterruptedImportIsFinishedByImportingTheSameFileAgainWithoutASecondRecord() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        OfficialList file = ListFiles.read(ListFormat.OFAC_SDN, text(OFAC_FIRST));
        LoadedStream<SanctionsListEvent> loaded = list();
        OfficialEntry first = file.entries().get(0);
        // what an import stopped after its first append would have left: the record and one of three entries
        store.append(commands.stream(), loaded.expected(), Causation.command("test:" + UUID.randomUUID(), "test"),
                List.of(new SanctionsListImported("ofac-sdn", file.publicationId(), file.publishedOn(), file.sha256(),
                        3, 3, 0, 0, Instant.now(), "subject", "officer"), new SanctionedNameAdded(first.entryId(),
                        first.name(), first.aliases(), first.dateOfBirth(), first.country(), first.listReference(),
                        Instant.now(), "subject", "officer")), SanctionsListCodec.INSTANCE);
        long before = revision();

        importFile("ofac-sdn", text(OFAC_FIRST)).statusCode(200).body("outcome", equalTo("RESUMED"))
                .body("added", equalTo(2));
        assertThat(eventsAfter(before)).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("SanctionedNameAdded", "SanctionedNameAdded");
    }

    @Test
    void aPublicationLargerThanOneAppendIsWrittenWhole() {
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
        int entries = SanctionsListImports.BATCH * 2 + 200;
        StringBuilder file = new StringBuilder("<sdnList xmlns=\"" + OfacSdnReader.SLS_NAMESPACE + "\">"
                + "<publshInformation><Publish_Date>11/16/2026</Publish_Date><Record_Count>" + entries
                + "</Record_Count></publshInformation>");
        for (int i = 0; i < entries; i++) {
            file.append("<sdnEntry><uid>").append(800_000 + i).append("</uid><lastName>FICTIVO HOLDING ")
                    .append(i).append("</lastName><sdnType>Entity</sdnType></sdnEntry>");
        }
        long before = revision();
        importFile("ofac-sdn", file.append("</sdnList>").toString()).statusCode(201).body("added", equalTo(entries));
        assertThat(revision() - before).isEqualTo(entries + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> listedIds().contains("OFAC-" + (800_000 + entries - 1)));
        startFromEmpty("ofac-sdn", OFAC_EMPTY);
    }
}
