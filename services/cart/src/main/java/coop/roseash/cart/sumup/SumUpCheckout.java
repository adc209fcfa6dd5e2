package coop.roseash.cart.sumup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** A checkout as SumUp reports it; {@code status} is PENDING, PAID, FAILED or EXPIRED. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SumUpCheckout(
        @JsonProperty("id") String id,
        @JsonProperty("checkout_reference") String checkoutReference,
        @JsonProperty("status") String status,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("merchant_code") String merchantCode,
        @JsonProperty("hosted_checkout_url") String hostedCheckoutUrl) {

    public boolean paid() {
        return "PAID".equalsIgnoreCase(status);
    }

    /** FAILED or EXPIRED: this checkout will never be paid. */
    public boolean closed() {
        return "FAILED".equalsIgnoreCase(status) || "EXPIRED".equalsIgnoreCase(status);
    }
}
