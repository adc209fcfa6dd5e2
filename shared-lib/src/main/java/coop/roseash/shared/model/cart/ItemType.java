package coop.roseash.shared.model.cart;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** What a cart line or order line refers to: a product, a calendar entry or a ticket type. */
public enum ItemType {
    PRODUCT, ENTRY, TICKET;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<ItemType> {
        public Converter() {
            super(ItemType.class);
        }
    }
}
