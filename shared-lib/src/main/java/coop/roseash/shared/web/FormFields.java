package coop.roseash.shared.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** Reads a field of the request's already-parsed form body (Quarkus REST parses it for form resources and filters). */
public final class FormFields {

    private FormFields() {}

    /** First value of form field {@code name}, or null when absent or the body is not a parsed form. */
    public static String first(ContainerRequestContext request, String name) {
        if (request instanceof ResteasyReactiveContainerRequestContext reactive
                && reactive.getServerRequestContext() instanceof ResteasyReactiveRequestContext server
                && server.getFormData() != null) {
            Object value = server.getFormParameter(name, true, false);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
