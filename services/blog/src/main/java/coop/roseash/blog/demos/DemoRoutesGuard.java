package coop.roseash.blog.demos;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** With the demos off ({@link DemoSwitch}), every /sx/demos route is the site's 404 page, as if it did not exist. */
public class DemoRoutesGuard {

    static final String PREFIX = "/sx/demos";

    private final DemoSwitch demos;

    DemoRoutesGuard(DemoSwitch demos) {
        this.demos = demos;
    }

    @ServerRequestFilter(preMatching = true)
    public void hideWhenOff(ContainerRequestContext request) {
        if (!demos.enabled() && isDemoPath(request.getUriInfo().getPath())) {
            throw new NotFoundException();
        }
    }

    static boolean isDemoPath(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }
}
