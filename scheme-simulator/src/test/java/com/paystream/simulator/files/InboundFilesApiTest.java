package com.paystream.simulator.files;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.StandIn;
import com.paystream.infrastructure.testing.TokenEndpointTestResource;
import com.paystream.simulator.StandInBank;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.paystream.infrastructure.testing.Operators.asAuditor;
import static com.paystream.infrastructure.testing.Operators.asScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The scheme's files: made, recorded and uploaded to the bank (a stand-in that records what it was sent). */
@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
@WithTestResource(value = TokenEndpointTestResource.class, initArgs = @ResourceArg(name = "roles", value = "scheme"))
@WithTestResource(StandInBank.class)
class InboundFilesApiTest {
    private static String send(int credits, int originators) {
        return asScheme().contentType(ContentType.JSON)
                .body("{\"credits\":" + credits + ",\"originators\":" + originators + "}")
                .post("/simulator/inbound-files")
                .then().statusCode(201)
                .body("httpStatus", equalTo(201))
                .body("outcome", equalTo("ACCEPTED"))
                .extract().path("serialNumber");
    }

    private static List<StandIn.Call> uploadsOf(String serialNumber) {
        return StandInBank.callsTo("/inbound-files").stream()
                .filter(call -> call.body().startsWith("VOL1" + serialNumber)).toList();
    }

    @Test
    void aFileIsUploadedToTheBankWithTheCreditsAskedFor() {
        String serial = send(12, 3);

        List<StandIn.Call> uploads = uploadsOf(serial);
        assertThat(uploads).hasSize(1);
        assertThat(uploads.get(0).authorization()).startsWith("Bearer ");
        assertThat(uploads.get(0).body().lines().filter(line -> line.matches("\\d{14}099.*"))
                .filter(line -> !line.substring(0, 14).equals(line.substring(17, 31)))).hasSize(12);
    }

    @Test
    void aFileIsRecordedAsSentWithTheBanksAnswer() {
        String serial = send(5, 1);

        asAuditor().get("/simulator/inbound-files/" + serial).then().statusCode(200)
                .body("events[0].credits", equalTo(5))
                .body("events[1].httpStatus", equalTo(201))
                .body("events[1].paymentsCreated", equalTo(7));
    }

    @Test
    void eachFileTakesASerialNumberOfItsOwn() {
        assertThat(send(1, 1)).isNotEqualTo(send(1, 1));
    }

    @Test
    void aFileSentAgainIsTheSameFile() {
        String serial = send(8, 2);

        asScheme().post("/simulator/inbound-files/" + serial + "/resend").then().statusCode(201);

        List<StandIn.Call> uploads = uploadsOf(serial);
        assertThat(uploads).hasSize(2);
        assertThat(uploads.get(1).body()).isEqualTo(uploads.get(0).body());
    }

    @Test
    void aSampleFileIsTextWithTheCreditsAskedFor() {
        String file = asScheme().get("/simulator/inbound-files/sample?credits=30&originators=2")
                .then().statusCode(200).contentType(ContentType.TEXT).extract().asString();

        assertThat(file).startsWith("VOL1");
        assertThat(file.lines().filter(line -> line.startsWith("UTL1"))).hasSize(3);
    }

    @Test
    void aFileOfNoCreditsIsRefusedNamingTheField() {
        asScheme().contentType(ContentType.JSON).body("{\"credits\":0}").post("/simulator/inbound-files")
                .then().statusCode(400).body("errors.field", hasItem("credits"));
    }
}
