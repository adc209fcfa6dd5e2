package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Settings of one container (page): its SumUp merchant and its feature flags. */
@Entity
@Table(name = "page_configs")
public class PageConfig extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "page_configs_seq")
    @SequenceGenerator(name = "page_configs_seq", sequenceName = "page_configs_seq", allocationSize = 50)
    public Long id;

    @Column(name = "container_type", nullable = false)
    public String containerType;

    @Column(name = "container_id", nullable = false)
    public Long containerId;

    @Column(name = "sumup_merchant_code")
    public String sumupMerchantCode;

    /** SumUp API credentials, encrypted by the application; never stored in clear. */
    @Column(name = "sumup_credentials_encrypted")
    public byte[] sumupCredentialsEncrypted;

    @Column(name = "calendar_enabled", nullable = false)
    public boolean calendarEnabled;

    @Column(name = "market_enabled", nullable = false)
    public boolean marketEnabled;

    @Column(name = "tickets_enabled", nullable = false)
    public boolean ticketsEnabled;
}
