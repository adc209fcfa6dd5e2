package coop.roseash.shared.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only signed-in members: visitors who are not signed in are sent to sign in (or refused with 401/403/400), never
 * served. See {@link coop.roseash.shared.web.access}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MembersOnly {}
