package coop.roseash.events.fragments;

import coop.roseash.events.web.Args;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * {@code container-cards}: a page's upcoming events ({@code container_type=page}), or the events a post tells about
 * ({@code container_type=post}, linked in {@code entry_posts}). {@code variant=card} (listings) shows three,
 * {@code full} ten. Nothing to show renders nothing.
 */
@ApplicationScoped
public class ContainerCardsFragment implements FragmentProvider {

    private final EntryCards cards;
    private final SxEngine sx;

    ContainerCardsFragment(EntryCards cards, SxEngine sx) {
        this.cards = cards;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.CONTAINER_CARDS;
    }

    @Override
    public String render(FragmentParams params) {
        Long id = Params.id(params, "container_id");
        if (id == null) {
            return "";
        }
        int limit = "full".equals(params.get("variant")) ? 10 : 3;
        List<EntryCard> list = switch (String.valueOf(params.get("container_type"))) {
            case "page" -> cards.upcomingOfPage(id, limit);
            case "post" -> cards.ofPost(id, limit);
            default -> List.of();
        };
        if (list.isEmpty()) {
            return "";
        }
        return sx.renderComponent("~events/fragments/container-cards", Args.of().with("cards", list)
                .with("full", "full".equals(params.get("variant"))).map(), null);
    }
}
