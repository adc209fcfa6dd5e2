package coop.roseash.shared.web;

import coop.roseash.shared.web.csrf.CsrfTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;

/** Builds (once per request) the {@link SxRequestContext} that SX renders of a JAX-RS request receive. */
@ApplicationScoped
public class SxRequestContexts {

    private static final String PROPERTY = SxRequestContext.class.getName();

    private final VisitorSource visitors;
    private final CsrfTokens csrfTokens;

    SxRequestContexts(VisitorSource visitors, CsrfTokens csrfTokens) {
        this.visitors = visitors;
        this.csrfTokens = csrfTokens;
    }

    /** The context of this request, created on first use. */
    public SxRequestContext of(ContainerRequestContext request) {
        Object existing = request.getProperty(PROPERTY);
        if (existing instanceof SxRequestContext context) {
            return context;
        }
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        SxRequestContext context = new SxRequestContext(
                request.getMethod(),
                request.getUriInfo().getPath(),
                request::getHeaderString,
                query,
                name -> FormFields.first(request, name),
                visitors.current(),
                () -> csrfTokens.tokenFor(request));
        request.setProperty(PROPERTY, context);
        return context;
    }
}
