package coop.roseash.shared.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only admins (the emails in {@code roseash.admins}); members get 403 and visitors who are not signed in are sent to
 * sign in. A route about one object may also let that object's owner in (blog's {@code AdminGate.requireEditorOf}: a
 * post's author), never another member. See {@link coop.roseash.shared.web.access}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {}
