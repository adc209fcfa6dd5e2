package coop.roseash.shared.model.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;

/** An address's subscription to a newsletter; the token is the secret of its one-click unsubscribe link. */
@Entity
@Table(name = "subscriptions")
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscriptions_seq")
    @SequenceGenerator(name = "subscriptions_seq", sequenceName = "subscriptions_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "newsletter_id", nullable = false)
    public Newsletter newsletter;

    /** federation's users.id, when the subscriber is a member. */
    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false)
    public String email;

    @Convert(converter = SubscriptionStatus.Converter.class)
    @Column(nullable = false)
    public SubscriptionStatus status = SubscriptionStatus.SUBSCRIBED;

    @Column(name = "unsubscribe_token", nullable = false, unique = true)
    public String unsubscribeToken;

    @CreationTimestamp
    @Column(name = "subscribed_at", nullable = false, updatable = false)
    public Instant subscribedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;
}
