package coop.roseash.cart.sumup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The body of {@code POST /v0.1/checkouts}: amount in major units, a hosted payment page, where SumUp's page sends
 * the payer back ({@code redirect_url}) and where it posts status changes ({@code return_url}, our webhook).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateCheckout(
        @JsonProperty("checkout_reference") String checkoutReference,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency,
        @JsonProperty("merchant_code") String merchantCode,
        @JsonProperty("description") String description,
        @JsonProperty("redirect_url") String redirectUrl,
        @JsonProperty("return_url") String returnUrl,
        @JsonProperty("hosted_checkout") HostedCheckout hostedCheckout) {

    /** SumUp's switch for a hosted payment page; the answer then carries {@code hosted_checkout_url}. */
    public record HostedCheckout(@JsonProperty("enabled") boolean enabled) {
    }
}
