package coop.roseash.shared.web;

import coop.roseash.shared.web.SxHelper;
import coop.roseash.shared.web.SxRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** A page helper for SxRouterAndCsrfTest's IO page: {@code (helper "routetest-shout" "hi")} is "HI!". */
@ApplicationScoped
public class ShoutHelper implements SxHelper {

    @Override
    public String name() {
        return "routetest-shout";
    }

    @Override
    public Object call(List<Object> args, SxRequestContext request) {
        return args.get(0).toString().toUpperCase(Locale.ROOT) + "!";
    }
}
