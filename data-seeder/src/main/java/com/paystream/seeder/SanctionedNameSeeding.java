package com.paystream.seeder;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Lists each demo name through sanctions-service unless an entry with its list reference is already listed. */
final class SanctionedNameSeeding {
    private final ServiceApi sanctions;
    private final SeedReport report;

    SanctionedNameSeeding(ServiceApi sanctions, SeedReport report) {
        this.sanctions = sanctions;
        this.report = report;
    }

    void seed(DemoData data) throws ServiceApi.Unexpected, InterruptedException {
        ServiceApi.Answer listed = sanctions.expect(sanctions.get("/sanctioned-names"), "GET", "/sanctioned-names",
                200);
        Set<String> references = new HashSet<>();
        for (JsonNode entry : listed.body()) {
            references.add(entry.path("listReference").asText());
        }
        for (DemoData.SanctionedNameSeed seed : data.sanctionedNames()) {
            String label = "sanctioned name " + seed.name() + " (" + seed.listReference() + ")";
            if (references.contains(seed.listReference())) {
                report.unchanged(label);
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", seed.name());
            body.put("aliases", seed.aliases());
            body.put("dateOfBirth", seed.dateOfBirth());
            body.put("country", seed.country());
            body.put("listReference", seed.listReference());
            sanctions.expect(sanctions.post("/sanctioned-names", body), "POST", "/sanctioned-names", 201);
            report.changed("listed " + label);
        }
    }
}
