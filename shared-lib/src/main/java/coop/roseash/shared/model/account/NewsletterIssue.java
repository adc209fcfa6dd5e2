package coop.roseash.shared.model.account;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One issue of a newsletter; {@code sentAt} is set when it has gone to the subscribers. */
@Entity
@Table(name = "newsletter_issues")
public class NewsletterIssue extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "newsletter_issues_seq")
    @SequenceGenerator(name = "newsletter_issues_seq", sequenceName = "newsletter_issues_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "newsletter_id", nullable = false)
    public Newsletter newsletter;

    @Column(nullable = false)
    public String subject;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(name = "sent_at")
    public Instant sentAt;
}
