package coop.roseash.shared.model.cart;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A cart line of one identity (a member's {@code userId}, or an anonymous {@code deviceId} until
 * login) in the cart of one container (page). Lines are unique per identity, container and item.
 */
@Entity
@Table(name = "cart_items")
public class CartItem extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cart_items_seq")
    @SequenceGenerator(name = "cart_items_seq", sequenceName = "cart_items_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "container_type", nullable = false)
    public String containerType;

    @Column(name = "container_id", nullable = false)
    public Long containerId;

    @Convert(converter = ItemType.Converter.class)
    @Column(name = "item_type", nullable = false)
    public ItemType itemType;

    /** products.id, calendar_entries.id or ticket_types.id, by {@link #itemType}. */
    @Column(name = "item_id", nullable = false)
    public Long itemId;

    @Column(nullable = false)
    public int quantity = 1;
}
