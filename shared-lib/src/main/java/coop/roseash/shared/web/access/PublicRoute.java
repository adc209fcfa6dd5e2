package coop.roseash.shared.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anyone may use this route, signed in or not. Routes that authenticate their caller by other means (OAuth client
 * credentials, bearer tokens, signed logout tokens, webhook signatures) are public too: the platform's sign-in is not
 * what guards them. See {@link coop.roseash.shared.web.access}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicRoute {}
