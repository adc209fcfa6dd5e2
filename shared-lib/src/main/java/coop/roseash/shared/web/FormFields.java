package coop.roseash.shared.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** Reads a field of the request's already-parsed form body (Quarkus REST parses it for form resources and filters). */
public final class FormFields {

    private FormFields() {}

    /** Every text field of the request's parsed form body, first value each, in the order sent; empty when none. */
    public static Map<String, String> all(ContainerRequestContext request) {
        Map<String, String> fields = new LinkedHashMap<>();
        FormData form = formData(request);
        if (form != null) {
            for (String name : form) {
                FormValue value = form.getFirst(name);
                if (value != null && !value.isFileItem()) {
                    fields.put(name, value.getValue());
                }
            }
        }
        return fields;
    }

    /** First value of form field {@code name}, or null when absent or the body is not a parsed form. */
    public static String first(ContainerRequestContext request, String name) {
        FormData form = formData(request);
        FormValue value = form == null ? null : form.getFirst(name);
        return value == null || value.isFileItem() ? null : value.getValue();
    }

    private static FormData formData(ContainerRequestContext request) {
        if (request instanceof ResteasyReactiveContainerRequestContext reactive
                && reactive.getServerRequestContext() instanceof ResteasyReactiveRequestContext server
                && server.getFormData() != null) {
            return server.getFormData();
        }
        // filters may be handed a wrapper of the request; the current request context holds the form as well
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        return current == null ? null : current.getFormData();
    }
}
