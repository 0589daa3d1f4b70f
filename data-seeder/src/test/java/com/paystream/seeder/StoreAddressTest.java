package com.paystream.seeder;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAddressTest {
    @Test
    void aDiscoveryStringOfAClusterManagesUsersOnItsFirstNodeOverTls() {
        StoreAddress address = StoreAddress.of("kurrentdb+discover://admin:secret@node1:2113,node2:2114"
                + "?tls=true&tlsCAFile=/certs/ca.crt");

        assertThat(address.httpBase()).isEqualTo(URI.create("https://node1:2113"));
        assertThat(address.credentials()).contains("admin:secret");
        assertThat(address.caFile()).contains(Path.of("/certs/ca.crt"));
    }

    @Test
    void aNodeWithoutAPortIsOnTheDefaultOne() {
        assertThat(StoreAddress.of("esdb+discover://cluster.example.com?tls=false").httpBase())
                .isEqualTo(URI.create("http://cluster.example.com:2113"));
    }
}
