package coop.roseash.cart.lines;

import coop.roseash.cart.web.Money;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.blog.PageRef;
import coop.roseash.shared.contracts.blog.Pages;
import coop.roseash.shared.contracts.cart.CartChanged;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.model.cart.CartItem;
import coop.roseash.shared.services.cart.CartLinesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An identity's carts across pages, and the member's changes to them: change a line's quantity, remove a line. Adding
 * is {@link Carts#add} (market and events call it). Lines are read with the selling domain's offer as it is now.
 */
@ApplicationScoped
public class CartLines {

    private final CartLinesService carts;
    private final Pages pages;
    private final Event<CartChanged> changed;

    CartLines(CartLinesService carts, Pages pages, Event<CartChanged> changed) {
        this.carts = carts;
        this.pages = pages;
        this.changed = changed;
    }

    /** Every page's cart of {@code who}, pages in the order their first line was added. */
    @Transactional
    public List<CartPageView> overview(Identity who) {
        if (who == null || !who.isKnown()) {
            return List.of();
        }
        Map<String, List<CartItem>> byPage = new LinkedHashMap<>();
        for (CartItem line : CartItem.<CartItem>list(owned(who) + " order by id", owner(who))) {
            byPage.computeIfAbsent(line.containerType + "/" + line.containerId, k -> new ArrayList<>()).add(line);
        }
        List<CartPageView> pages = new ArrayList<>();
        for (List<CartItem> lines : byPage.values()) {
            pages.add(page(lines));
        }
        return pages;
    }

    /** Sets line {@code lineId} of {@code who} to {@code quantity} units. */
    @Transactional
    public void changeQuantity(Identity who, long lineId, int quantity) {
        if (quantity < 1 || quantity > Carts.MAX_LINE_QUANTITY) {
            throw new CartRefusal(Reason.INVALID_QUANTITY, "Choose a quantity from 1 to " + Carts.MAX_LINE_QUANTITY
                    + ". To take an item out of your cart, remove it.");
        }
        CartItem line = ownedLine(who, lineId);
        Offer offer = carts.offer(type(line), line.itemId).orElseThrow(() ->
                new CartRefusal(Reason.UNAVAILABLE, "This item is no longer sold; you can only remove it."));
        if (!offer.available()) {
            throw new CartRefusal(Reason.UNAVAILABLE, "“" + offer.title() + "” is no longer available; you can only remove it.");
        }
        if (offer.remaining() != null && quantity > offer.remaining()) {
            throw new CartRefusal(Reason.NOT_ENOUGH, "Only " + offer.remaining() + " of “" + offer.title() + "” left.");
        }
        line.quantity = quantity;
        changed.fire(new CartChanged(who));
    }

    /** Takes line {@code lineId} out of {@code who}'s cart. */
    @Transactional
    public void remove(Identity who, long lineId) {
        ownedLine(who, lineId).delete();
        changed.fire(new CartChanged(who));
    }

    private CartItem ownedLine(Identity who, long lineId) {
        if (who == null || !who.isKnown()) {
            throw new CartRefusal(Reason.NOT_FOUND, "That line is not in your cart.");
        }
        // someone else's line is answered exactly like a missing one
        return CartItem.<CartItem>find("id = ?2 and " + owned(who), owner(who), lineId).firstResultOptional()
                .orElseThrow(() -> new CartRefusal(Reason.NOT_FOUND, "That line is not in your cart."));
    }

    private CartPageView page(List<CartItem> lines) {
        List<CartLineView> views = new ArrayList<>();
        String currency = null;
        long total = 0;
        boolean ok = true;
        for (CartItem line : lines) {
            Optional<Offer> offer = carts.offer(type(line), line.itemId);
            if (offer.isEmpty()) {
                views.add(new CartLineView(line.id, "An item no longer sold", "", line.quantity, "",
                        "No longer sold: please remove it."));
                ok = false;
                continue;
            }
            Offer o = offer.get();
            currency = currency == null ? o.currency() : currency;
            long lineTotal = (long) o.unitPriceCents() * line.quantity;
            total += lineTotal;
            String problem = !o.available() ? "No longer available: please remove it."
                    : o.remaining() != null && o.remaining() < line.quantity
                    ? (o.remaining() == 0 ? "Sold out: please remove it." : "Only " + o.remaining() + " left.")
                    : null;
            ok &= problem == null;
            views.add(new CartLineView(line.id, o.title(), Money.format(o.unitPriceCents(), o.currency()),
                    line.quantity, Money.format(lineTotal, o.currency()), problem));
        }
        CartItem first = lines.get(0);
        return new CartPageView(first.containerType, first.containerId, label(first), views,
                currency == null ? "" : Money.format(total, currency), ok);
    }

    /** The heading of a page's cart: the blog page's title (blog's {@link Pages} contract), as its shop is known. */
    private String label(CartItem line) {
        Optional<PageRef> page = "page".equals(line.containerType) ? pages.page(line.containerId) : Optional.empty();
        return page.map(PageRef::title).filter(title -> !title.isBlank())
                // a page deleted since (its lines stay until removed) still needs a heading
                .orElse("Shop of " + line.containerType + " " + line.containerId);
    }

    // a device's lines are the ones no member has adopted yet
    private static String owned(Identity who) {
        return who.isMember() ? "userId = ?1" : "deviceId = ?1 and userId is null";
    }

    private static Object owner(Identity who) {
        return who.isMember() ? who.userId() : who.deviceId();
    }

    private static String type(CartItem line) {
        return line.itemType.name().toLowerCase(Locale.ROOT);
    }
}
