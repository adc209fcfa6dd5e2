package coop.roseash.cart.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * What the cart's test application talks to besides PostgreSQL and Redis: the SumUp stub ({@link SumUpStub}) and a
 * mail sink folder of its own ({@link Mailbox}), empty at every start, since the database (and so order ids) starts
 * empty too.
 */
public class CartTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.sumup.url", SumUpStub.start(),
                "MAIL_SINK_DIR", Mailbox.fresh().toString());
    }

    @Override
    public void stop() {
        // the stub is shared by every test class of this JVM; WireMock's threads end with it
    }
}
