package com.paystream.sanctions;

import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.StoreAccess;
import com.paystream.topology.ServiceAccount;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class StoreAccessTest {
    @Test
    void everyStreamThisServiceReadsIsGrantedToItsEventStoreUser() {
        StoreAccess.assertGranted(ServiceAccount.SANCTIONS);
    }
}
