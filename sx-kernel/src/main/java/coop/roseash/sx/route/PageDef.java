package coop.roseash.sx.route;

import coop.roseash.sx.eval.Env;

/** A {@code defpage}: path, access level, optional layout, and the unevaluated :data and :content forms. */
public record PageDef(String name, RoutePattern path, String auth, String layout, Object data, Object content, Env env) {}
