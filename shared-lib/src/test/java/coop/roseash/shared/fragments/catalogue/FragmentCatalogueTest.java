package coop.roseash.shared.fragments.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.roseash.shared.fragments.FragmentKey;
import coop.roseash.shared.fragments.FragmentParams;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Consumers cannot ask for a fragment the catalogue does not describe: wrong provider, unknown parameter, bad family use. */
class FragmentCatalogueTest {

    @Test
    void aConsumersRequestIsTheCataloguesKey() {
        FragmentKey key = FragmentCatalogue.CART_MINI.key(FragmentParams.of("user_id", 7));
        assertThat(key.provider()).isEqualTo("cart");
        assertThat(key.type()).isEqualTo("cart-mini");
        assertThat(key.cacheKey()).isEqualTo("fragment:cart:cart-mini:user_id=7");
    }

    @Test
    void anUnknownParameterIsRefusedWithItsName() {
        assertThatThrownBy(() -> FragmentCatalogue.CART_MINI.key(FragmentParams.of("userid", 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cart-mini").hasMessageContaining("'userid'");
    }

    @Test
    void aServiceThatDoesNotProvideTheFragmentIsRefused() {
        assertThatThrownBy(() -> FragmentCatalogue.NAV_TREE.key("market", FragmentParams.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not by market");
    }

    @Test
    void aFragmentWithSeveralProvidersMustBeAskedForByProvider() {
        assertThatThrownBy(() -> FragmentCatalogue.LINK_CARD.key(FragmentParams.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name one");
        assertThat(FragmentCatalogue.LINK_CARD.key("market", FragmentParams.of("slug", "x")).provider()).isEqualTo("market");
    }

    @Test
    void aFamilyIsAskedForWithASlugAndFoundByItsMembers() {
        FragmentKey tickets = FragmentCatalogue.ACCOUNT_PAGE.key("events", "tickets", FragmentParams.of("user_id", 3));
        assertThat(tickets.type()).isEqualTo("account-page/tickets");
        assertThat(FragmentCatalogue.find("account-page/tickets")).contains(FragmentCatalogue.ACCOUNT_PAGE);
        assertThatThrownBy(() -> FragmentCatalogue.NAV_TREE.key("blog", "x", FragmentParams.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a family");
    }

    @Test
    void namesAreUniqueAndEveryEntryHasAProviderAndATtl() {
        Set<String> names = new HashSet<>();
        for (FragmentSpec spec : FragmentCatalogue.ALL_FRAGMENTS) {
            assertThat(names.add(spec.name())).as("duplicate %s", spec.name()).isTrue();
            assertThat(spec.providers()).isNotEmpty();
            assertThat(spec.ttl()).isPositive();
        }
        assertThat(FragmentCatalogue.find("no-such-fragment")).isEmpty();
    }

    @Test
    void theTtlsAreThoseOfThePlatformSpecification() {
        // docs/spec/platform.md §3
        Map<FragmentSpec, Integer> seconds = Map.of(FragmentCatalogue.NAV_TREE, 60, FragmentCatalogue.NAV_ITEM, 300,
                FragmentCatalogue.AUTH_MENU, 60, FragmentCatalogue.CART_MINI, 10, FragmentCatalogue.CONTAINER_NAV, 30,
                FragmentCatalogue.CONTAINER_CARDS, 30, FragmentCatalogue.LINK_CARD, 60,
                FragmentCatalogue.ACCOUNT_NAV_ITEM, 300, FragmentCatalogue.ACCOUNT_PAGE, 30);
        seconds.forEach((spec, ttl) -> assertThat(spec.ttl()).as(spec.name()).isEqualTo(Duration.ofSeconds(ttl)));
        assertThat(seconds).hasSameSizeAs(FragmentCatalogue.ALL_FRAGMENTS);
    }
}
