package coop.roseash.shared.model.market;

import coop.roseash.shared.model.TimestampedEntity;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** A product of the catalogue; {@code externalId} (the wholesaler's id) makes imports idempotent. */
@Entity
@Table(name = "products")
public class Product extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "products_seq")
    @SequenceGenerator(name = "products_seq", sequenceName = "products_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "market_page_id")
    public MarketPage marketPage;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    public String brand;

    public String category;

    /** Sanitized rich text. */
    @Column(name = "description_html", nullable = false)
    public String descriptionHtml = "";

    /** The price a member pays, VAT included, in the currency's minor unit (pence). */
    @Column(name = "price_cents", nullable = false)
    public int priceCents;

    /** The VAT rate included in {@link #priceCents}, in basis points: 2000 is 20 %, 0 zero-rated. */
    @Column(name = "vat_rate_bp", nullable = false)
    public int vatRateBp;

    /** What one unit of the price is ("500 g", "each"); null when the title says it. */
    public String unit;

    /** ISO 4217 code. */
    @Column(nullable = false)
    public String currency = "GBP";

    /** Units in stock; null when stock is not tracked. */
    public Integer stock;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> labels = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "image_urls", nullable = false)
    public List<String> imageUrls = new ArrayList<>();

    @Column(name = "external_id", unique = true)
    public String externalId;

    @Column(name = "source_url")
    public String sourceUrl;

    /** False once withdrawn by an admin or gone from the wholesaler's catalogue: kept, never sold. */
    @Column(nullable = false)
    public boolean available = true;
}
