package coop.roseash.shared.model.events;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The secret token in a member's bookings iCalendar URL; replaced when the member resets it. */
@Entity
@Table(name = "booking_feed_tokens")
public class BookingFeedToken extends CreatedEntity {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false, unique = true)
    public String token;
}
