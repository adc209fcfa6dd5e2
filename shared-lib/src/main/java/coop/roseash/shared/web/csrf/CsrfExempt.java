package coop.roseash.shared.web.csrf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method or class that is called by machines, not browsers of our pages (OAuth token endpoint,
 * back-channel logout, webhooks), so {@link CsrfProtection} does not ask it for a CSRF token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CsrfExempt {}
