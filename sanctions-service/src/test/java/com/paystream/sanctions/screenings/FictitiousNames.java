package com.paystream.sanctions.screenings;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.paystream.infrastructure.testing.Operators.asOfficer;
import static org.awaitility.Awaitility.await;

/** Puts a fictitious name on the sanctions list for a screening test, once, and waits until screening sees it. */
final class FictitiousNames {
    private FictitiousNames() {
    }

    static void listed(String name, String listReference) {
        List<String> names = asOfficer().get("/sanctioned-names").then().statusCode(200).extract().path("name");
        if (!names.contains(name)) {
            asOfficer().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "aliases", List.of(), "country", "ZZ", "listReference", listReference))
                    .post("/sanctioned-names").then().statusCode(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> asOfficer().get("/sanctioned-names").then()
                    .extract().<List<String>>path("name").contains(name));
        }
    }
}
