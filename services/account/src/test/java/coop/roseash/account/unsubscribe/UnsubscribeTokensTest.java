package coop.roseash.account.unsubscribe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscribeTokensTest {

    @Test
    void theIdIsReadOnlyFromAWellFormedToken() {
        assertThat(UnsubscribeTokens.subscriptionId("42.abc")).contains(42L);
        assertThat(UnsubscribeTokens.subscriptionId("x.abc")).isEmpty();
        assertThat(UnsubscribeTokens.subscriptionId(".abc")).isEmpty();
        assertThat(UnsubscribeTokens.subscriptionId("42")).isEmpty();
        assertThat(UnsubscribeTokens.subscriptionId(null)).isEmpty();
        assertThat(UnsubscribeTokens.subscriptionId("1".repeat(300))).isEmpty();
    }

    @Test
    void noncesAreFreshEachTime() {
        assertThat(UnsubscribeTokens.newNonce()).isNotEqualTo(UnsubscribeTokens.newNonce()).hasSize(43);
    }
}
