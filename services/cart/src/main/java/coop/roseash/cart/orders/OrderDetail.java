package coop.roseash.cart.orders;

import java.util.List;

/**
 * One order with what was bought, at the prices charged.
 *
 * @param payUrl SumUp's payment page while the order waits for payment, else null
 */
public record OrderDetail(OrderSummary order, List<Line> lines, String payUrl) {

    public record Line(String title, int quantity, String unitPrice, String lineTotal) {
    }
}
