package com.paystream.topology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConnectionTest {
    @Test
    void theUserOfAConnectionStringIsItsLoginAndPasswordDecoded() {
        assertThat(StoreConnection.credentials("kurrentdb://accounts-service:p%40ss@localhost:2113?tls=false"))
                .contains("accounts-service:p@ss");
    }

    @Test
    void aConnectionStringWithoutAUserHasNoCredentials() {
        assertThat(StoreConnection.credentials("kurrentdb://localhost:2113?tls=false")).isEmpty();
    }

    @Test
    void theHostsOfAClusterComeWithoutTheUser() {
        assertThat(StoreConnection.hosts("kurrentdb+discover://admin:secret@node1:2113,node2:2113/?tls=true"))
                .isEqualTo("node1:2113,node2:2113");
    }

    @Test
    void aConnectionStringIsTlsUnlessItSaysTlsFalse() {
        assertThat(StoreConnection.tls("kurrentdb://localhost:2113")).isTrue();
        assertThat(StoreConnection.tls("kurrentdb://localhost:2113?tls=true&tlsCAFile=/x/ca.crt")).isTrue();
        assertThat(StoreConnection.tls("kurrentdb://localhost:2113?TLS=False")).isFalse();
    }

    @Test
    void theCaFileIsReadWhateverTheCaseOfItsName() {
        assertThat(StoreConnection.caFile("kurrentdb://a:b@localhost:2113?tls=true&tlscafile=/data/certs/ca.crt"))
                .contains("/data/certs/ca.crt");
        assertThat(StoreConnection.caFile("kurrentdb://localhost:2113?tls=true")).isEmpty();
    }

    @Test
    void theEventStoreDbSchemeIsReadTheSameWay() {
        assertThat(StoreConnection.credentials("esdb://accounts-service:secret@localhost:2113?tls=false"))
                .contains("accounts-service:secret");
        assertThat(StoreConnection.hosts("esdb+discover://node1:2113,node2:2113/?tls=true"))
                .isEqualTo("node1:2113,node2:2113");
    }
}
