package coop.roseash.shared.model.cart;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Lifecycle of an order; {@code PAID} is set once, when SumUp confirms the checkout. */
public enum OrderStatus {
    PENDING, PAID, FAILED, CANCELLED, EXPIRED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<OrderStatus> {
        public Converter() {
            super(OrderStatus.class);
        }
    }
}
