package coop.roseash.events.posts;

import coop.roseash.shared.fragments.FragmentClient;
import coop.roseash.shared.fragments.FragmentKey;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The blog's {@code link-card} of each post linked to an entry, fetched at once; a missing one is left out. */
@ApplicationScoped
public class PostCards {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private final FragmentClient fragments;

    PostCards(FragmentClient fragments) {
        this.fragments = fragments;
    }

    public List<String> of(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        List<FragmentKey> keys = postIds.stream().map(id -> FragmentCatalogue.LINK_CARD.key("blog",
                FragmentParams.of(Map.of("container_id", id)))).toList();
        Map<FragmentKey, String> bodies = fragments.fetchAll(keys).await().atMost(WAIT);
        return keys.stream().map(k -> bodies.getOrDefault(k, "")).filter(html -> !html.isBlank()).toList();
    }
}
