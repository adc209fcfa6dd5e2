package coop.roseash.blog.web;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;

import coop.roseash.shared.fragments.FragmentClient;
import coop.roseash.shared.fragments.FragmentKey;
import coop.roseash.shared.fragments.FragmentParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What other services attach to blog posts and pages, as fragments: events' {@code container-cards} and
 * {@code container-nav}, market's {@code container-nav}, fetched concurrently; a missing or failing provider gives
 * "" (the fragment client's rule).
 */
@ApplicationScoped
public class ContainerCards {

    static final String PROVIDER = "events";
    static final String MARKET = "market";
    private static final String NAV = FragmentCatalogue.CONTAINER_NAV.name();
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final FragmentClient fragments;

    ContainerCards(FragmentClient fragments) {
        this.fragments = fragments;
    }

    /** {@code container-cards} HTML per post id (as a string key, for the view), for a listing. */
    public Map<String, String> cardsFor(String containerType, List<Long> postIds) {
        List<FragmentKey> keys = postIds.stream()
                .map(id -> FragmentCatalogue.CONTAINER_CARDS.key(PROVIDER, params(containerType, id, "card"))).toList();
        Map<FragmentKey, String> bodies = fragments.fetchAll(keys).await().atMost(WAIT);
        Map<String, String> byId = new HashMap<>();
        for (int i = 0; i < postIds.size(); i++) {
            String html = bodies.getOrDefault(keys.get(i), "");
            if (!html.isBlank()) {
                byId.put(String.valueOf(postIds.get(i)), html);
            }
        }
        return byId;
    }

    /**
     * A post or page's own {@code container-cards} from events, and its {@code container-nav} from events and market
     * (its calendars, its market) joined: the two providers are asked at the same time.
     */
    public Map<String, String> forContainer(String containerType, long postId) {
        FragmentParams params = params(containerType, postId, "full");
        return Uni.combine().all().unis(
                        fragments.fetchBatch(PROVIDER, List.of(FragmentCatalogue.CONTAINER_CARDS, FragmentCatalogue.CONTAINER_NAV),
                                params),
                        // a market attaches to pages only
                        "page".equals(containerType) ? fragments.fetch(FragmentCatalogue.CONTAINER_NAV.key(MARKET, params))
                                : Uni.createFrom().item(""))
                .with((events, market) -> {
                    Map<String, String> joined = new HashMap<>(events);
                    joined.put(NAV, events.getOrDefault(NAV, "") + market);
                    return joined;
                })
                .await().atMost(WAIT);
    }

    /** Containers are addressed as (type, id): "post" or "page", and the post's id (docs/spec/platform.md §2). */
    private static FragmentParams params(String containerType, long postId, String variant) {
        return FragmentParams.of(Map.of("container_type", containerType, "container_id", postId, "variant", variant));
    }
}
