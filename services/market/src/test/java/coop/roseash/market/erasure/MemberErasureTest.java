package coop.roseash.market.erasure;

import coop.roseash.market.likes.Likes;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an account: the member's likes go, everyone else's stay. */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class MemberErasureTest {

    @Inject
    Shop shop;
    @Inject
    Likes likes;
    @Inject
    MemberErasure handler;

    @Test
    void theMembersLikesGo() {
        MarketPageView market = shop.openMarket();
        ProductRef honey = shop.product(market, TestProduct.named("Honey").price("6.50"));
        long member = ThreadLocalRandom.current().nextLong(100_000, 1_000_000_000);
        long other = member + 1;
        likes.set(honey.id(), member, true);
        likes.set(honey.id(), other, true);

        handler.deliverNow(member);
        handler.deliverNow(member); // the bus may deliver twice

        assertThat(likes.state(honey.id(), member).liked()).isFalse();
        assertThat(likes.state(honey.id(), other).liked()).isTrue();
        assertThat(likes.state(honey.id(), other).count()).as("only the other member's like is left").isEqualTo(1);
    }
}
