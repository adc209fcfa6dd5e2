package coop.roseash.shared.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only other services of the platform: {@code /internal/...}, signed with the internal HMAC secret
 * ({@link coop.roseash.shared.fragments.InternalRequestGuard}); unsigned requests get 403 whoever sends them. See
 * {@link coop.roseash.shared.web.access}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InternalRoute {}
