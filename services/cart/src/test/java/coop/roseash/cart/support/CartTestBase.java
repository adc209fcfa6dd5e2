package coop.roseash.cart.support;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.model.cart.CartItem;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** What the cart's tests share: products as rows, a member's cart, checkout over HTTP, reading orders back. */
public abstract class CartTestBase {

    @Inject
    protected EntityManager em;

    @Inject
    protected Carts carts;

    protected Catalogue catalogue() {
        return new Catalogue(em);
    }

    protected static long newMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
    }

    /** POST /checkout of page {@code page}'s cart as member {@code member}, without following the redirect. */
    protected static Response checkout(long member, long page) {
        return given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.member(member))
                .contentType("application/x-www-form-urlencoded")
                .formParam("container_type", "page").formParam("container_id", page)
                .post("/checkout");
    }

    protected record OrderRow(long id, OrderStatus status, String reference, String checkoutId, int amountCents,
                              int version, boolean needsAttention, boolean mailed) {
    }

    protected static List<OrderRow> orders(long member) {
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>list("userId = ?1 order by id", member).stream()
                .map(o -> new OrderRow(o.id, o.status, o.checkoutReference, o.sumupCheckoutId, o.amountCents, o.version,
                        o.needsAttention, o.confirmationMailedAt != null))
                .toList());
    }

    protected static OrderRow order(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order o = Order.findById(orderId);
            return new OrderRow(o.id, o.status, o.checkoutReference, o.sumupCheckoutId, o.amountCents, o.version,
                    o.needsAttention, o.confirmationMailedAt != null);
        });
    }

    protected static long units(Identity who) {
        return QuarkusTransaction.requiringNew().call(() -> CartItem.<CartItem>list(who.isMember() ? "userId = ?1"
                        : "deviceId = ?1 and userId is null", who.isMember() ? who.userId() : who.deviceId())
                .stream().mapToLong(l -> l.quantity).sum());
    }

    protected static List<CartItem> lines(Identity who) {
        return QuarkusTransaction.requiringNew().call(() -> CartItem.<CartItem>list((who.isMember() ? "userId = ?1"
                : "deviceId = ?1 and userId is null") + " order by id", who.isMember() ? who.userId() : who.deviceId()));
    }
}
