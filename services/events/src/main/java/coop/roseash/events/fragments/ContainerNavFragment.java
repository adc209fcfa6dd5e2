package coop.roseash.events.fragments;

import coop.roseash.events.calendar.CalendarService;
import coop.roseash.events.calendar.CalendarView;
import coop.roseash.events.web.Args;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** {@code container-nav}: links to a page's calendars (absolute, to events' public URL); nothing when it has none. */
@ApplicationScoped
public class ContainerNavFragment implements FragmentProvider {

    private final CalendarService calendars;
    private final ServiceUrls urls;
    private final SxEngine sx;

    ContainerNavFragment(CalendarService calendars, ServiceUrls urls, SxEngine sx) {
        this.calendars = calendars;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.CONTAINER_NAV;
    }

    @Override
    public String render(FragmentParams params) {
        Long id = Params.id(params, "container_id");
        String type = params.get("container_type");
        if (id == null || type == null) {
            return "";
        }
        List<CalendarView> list = calendars.forContainer(type, id);
        if (list.isEmpty()) {
            return "";
        }
        return sx.renderComponent("~events/fragments/container-nav", Args.of().with("calendars", list)
                .with("base", urls.publicUrl("events")).map(), null);
    }
}
