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
import jakarta.persistence.Version;

import java.time.Instant;

/** An order of one container's cart, paid through a SumUp hosted checkout ({@code checkoutReference} is unique). */
@Entity
@Table(name = "orders")
public class Order extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
    @SequenceGenerator(name = "orders_seq", sequenceName = "orders_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "container_type", nullable = false)
    public String containerType;

    @Column(name = "container_id", nullable = false)
    public Long containerId;

    @Convert(converter = OrderStatus.Converter.class)
    @Column(nullable = false)
    public OrderStatus status = OrderStatus.PENDING;

    @Column(name = "checkout_reference", nullable = false, unique = true)
    public String checkoutReference;

    @Column(name = "sumup_checkout_id", unique = true)
    public String sumupCheckoutId;

    @Column(name = "merchant_code")
    public String merchantCode;

    @Column(name = "amount_cents", nullable = false)
    public int amountCents;

    @Column(nullable = false)
    public String currency = "GBP";

    @Column(name = "paid_at")
    public Instant paidAt;

    /** The member's email at checkout: where the confirmation goes. */
    public String email;

    /** SumUp's hosted payment page for this order. */
    @Column(name = "hosted_checkout_url")
    public String hostedCheckoutUrl;

    /** SumUp reported something that does not match the order (another amount): an admin must look. */
    @Column(name = "needs_attention", nullable = false)
    public boolean needsAttention;

    /** Why the order failed, was cancelled or needs attention, for the admin. */
    @Column(name = "failure_reason")
    public String failureReason;

    /** Set when the confirmation email was claimed for sending: it goes once. */
    @Column(name = "confirmation_mailed_at")
    public Instant confirmationMailedAt;

    /** When the reconciliation job next asks SumUp about this order while it is pending. */
    @Column(name = "next_check_at", nullable = false)
    public Instant nextCheckAt = Instant.now();

    /** Optimistic lock: the return page and the webhook confirm a payment only once. */
    @Version
    @Column(nullable = false)
    public int version;
}
