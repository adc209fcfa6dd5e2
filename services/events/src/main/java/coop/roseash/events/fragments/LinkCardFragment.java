package coop.roseash.events.fragments;

import coop.roseash.events.web.Args;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@code link-card}: one public entry (its id as {@code slug} or {@code container_id}) as a card. */
@ApplicationScoped
public class LinkCardFragment implements FragmentProvider {

    private final EntryCards cards;
    private final SxEngine sx;

    LinkCardFragment(EntryCards cards, SxEngine sx) {
        this.cards = cards;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.LINK_CARD;
    }

    @Override
    public String render(FragmentParams params) {
        Long id = Params.id(params, "slug");
        if (id == null) {
            id = Params.id(params, "container_id");
        }
        List<EntryCard> card = id == null ? List.of() : cards.byId(id);
        if (card.isEmpty()) {
            return "";
        }
        return sx.renderComponent("~events/fragments/link-card", Args.of().with("card", card.get(0))
                .with("compact", "compact".equals(params.get("variant"))).map(), null);
    }
}
