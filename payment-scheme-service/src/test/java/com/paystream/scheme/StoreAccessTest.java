package com.paystream.scheme;

import com.paystream.events.ServiceAccount;
import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.subscription.Reaction;
import com.paystream.infrastructure.testing.EventStoreTestResource;
import com.paystream.infrastructure.testing.StoreAccess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EventStoreTestResource.class)
class StoreAccessTest {
    @Inject
    @Any
    Instance<ReadModel<?>> readModels;
    @Inject
    @Any
    Instance<Reaction<?>> reactions;

    @Test
    void everyStreamThisServiceReadsIsGrantedToItsEventStoreUser() {
        StoreAccess.assertGranted(ServiceAccount.PAYMENT_SCHEME, readModels, reactions);
    }
}
