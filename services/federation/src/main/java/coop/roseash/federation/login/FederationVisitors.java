package coop.roseash.federation.login;

import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.ws.rs.core.HttpHeaders;

/** On federation itself the visitor is whoever holds a federation session (it is the provider, not a client). */
@Alternative
@Priority(10)
@RequestScoped
public class FederationVisitors implements VisitorSource {
    private final FederationSessions sessions;
    private final Members members;
    private final DeviceCookie devices;
    private final HttpHeaders headers;

    FederationVisitors(FederationSessions sessions, Members members, DeviceCookie devices, HttpHeaders headers) {
        this.sessions = sessions;
        this.members = members;
        this.devices = devices;
        this.headers = headers;
    }

    @Override
    public Visitor current() {
        String device = devices.read(headers).orElse(null);
        return sessions.current(headers).flatMap(s -> members.find(s.memberId()))
                .map(m -> new Visitor(m.id(), m.email(), m.shownName(), m.admin(), device))
                .orElseGet(() -> new Visitor(null, null, null, false, device));
    }
}
