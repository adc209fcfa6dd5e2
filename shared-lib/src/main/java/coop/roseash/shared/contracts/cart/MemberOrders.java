package coop.roseash.shared.contracts.cart;

import java.time.Instant;
import java.util.List;

/** A member's orders with their lines, for the member's own data download (account's export). */
public interface MemberOrders {

    /** Every order member {@code userId} placed, oldest first. */
    List<OrderRecord> ofMember(long userId);

    /** An order as the member's data download shows it. */
    record OrderRecord(long id, String reference, String status, int amountCents, String currency, String email,
                       Instant createdAt, Instant paidAt, List<Line> lines) {
    }

    /** What was bought, as it was called then. */
    record Line(String itemType, String title, int quantity, int unitPriceCents) {
    }
}
