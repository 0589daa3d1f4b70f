package com.paystream.systemtests;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.paystream.systemtests.ComposeFiles.environment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the three-node cluster of docker-compose.cluster.yml has, merged onto docker-compose.yml as compose merges
 * it (the checks both share are {@link DeploymentFilesTest}'s): three nodes that find each other, each with a
 * certificate of its own name, and clients that discover the cluster.
 */
class ComposeClusterFilesTest {
    private static final Pattern NODE_CERTIFICATE = Pattern.compile(
            "create-node (?:(?!create-node).)*?-out (\\S+) (?:(?!create-node).)*?-dns-names (\\S+)", Pattern.DOTALL);

    private final ComposeFiles cluster = ComposeFiles.cluster();

    @Test
    void theClusterRunsThreeStoreNodesEachExpectingAClusterOfThree() {
        assertThat(cluster.storeNodes()).hasSize(3).allSatisfy((name, node) ->
                assertThat(environment(node)).as(name).containsEntry("KURRENTDB_CLUSTER_SIZE", "3"));
    }

    @Test
    void eachStoreNodeFindsTheOtherTwoThroughItsGossipSeeds() {
        Set<String> nodes = cluster.storeNodes().keySet();
        cluster.storeNodes().forEach((name, node) -> {
            Set<String> seeds = Arrays.stream(String.valueOf(environment(node).get("KURRENTDB_GOSSIP_SEED")).split(","))
                    .collect(Collectors.toSet());

            assertThat(seeds).as(name).isEqualTo(nodes.stream().filter(other -> !other.equals(name))
                    .map(other -> other + ":2113").collect(Collectors.toSet()));
        });
    }

    @Test
    void eachStoreNodeSpeaksTlsWithACertificateOfItsOwnName() {
        Map<String, List<String>> certificates = nodeCertificates();

        cluster.storeNodes().forEach((name, node) -> {
            Map<String, Object> environment = environment(node);
            String directory = String.valueOf(environment.get("KURRENTDB_CERTIFICATE_FILE")).replaceAll("/[^/]+$", "");

            assertThat(environment).as(name).doesNotContainKey("KURRENTDB_INSECURE")
                    .containsEntry("KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE", directory + "/node.key");
            assertThat(certificates.get(directory)).as(name + "'s certificate in " + directory).contains(name);
        });
    }

    @Test
    void eachStoreNodeAdvertisesTheNameOnItsCertificate() {
        cluster.storeNodes().forEach((name, node) -> assertThat(environment(node)).as(name)
                .containsEntry("KURRENTDB_NODE_HOST_ADVERTISE_AS", name)
                .containsEntry("KURRENTDB_REPLICATION_HOST_ADVERTISE_AS", name));
    }

    @Test
    void eachStoreNodeKeepsItsDataInAVolumeOfItsOwn() {
        Map<String, String> dataVolumes = new LinkedHashMap<>();
        cluster.storeNodes().forEach((name, node) -> ((List<?>) node.get("volumes")).stream().map(Object::toString)
                .filter(volume -> volume.endsWith(":/var/lib/kurrentdb"))
                .forEach(volume -> dataVolumes.put(name, volume.substring(0, volume.indexOf(':')))));

        assertThat(dataVolumes).hasSize(3);
        assertThat(Set.copyOf(dataVolumes.values())).hasSize(3);
    }

    @Test
    void everyStoreClientDiscoversTheClusterThroughAllThreeNodesOverTls() {
        String nodes = String.join(",", cluster.storeNodes().keySet().stream().map(node -> node + ":2113").toList());
        cluster.services().forEach((name, service) -> {
            Object connection = environment(service).get("EVENTSTORE_CONNECTION_STRING");
            if (connection != null) {
                assertThat(connection.toString()).as(name).startsWith("kurrentdb+discover://")
                        .contains("@" + nodes + "?").contains("tls=true&tlsCAFile=/certs/ca/ca.crt");
            }
        });
    }

    @Test
    void everyServiceAndTheSeederStillConnect() {
        assertThat(cluster.services().entrySet().stream()
                .filter(service -> environment(service.getValue()).containsKey("EVENTSTORE_CONNECTION_STRING"))
                .map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("store-setup", "parked-grants", "payment-scheme-service",
                        "sanctions-service", "accounts-service", "scheme-simulator", "data-seeder");
    }

    /** The node certificates the certificates service makes: their directory, and the DNS names on each. */
    private Map<String, List<String>> nodeCertificates() {
        String command = String.valueOf(cluster.services().get("certificates").get("command"));
        Map<String, List<String>> certificates = new LinkedHashMap<>();
        Matcher certificate = NODE_CERTIFICATE.matcher(command);
        while (certificate.find()) {
            certificates.put(certificate.group(1), List.of(certificate.group(2).split(",")));
        }
        return certificates;
    }
}
