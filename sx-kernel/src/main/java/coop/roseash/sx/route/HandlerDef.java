package coop.roseash.sx.route;

import coop.roseash.sx.eval.Env;
import coop.roseash.sx.value.Params;

/** A {@code defhandler}: a route whose body's result is sent as SX wire format. */
public record HandlerDef(String name, RoutePattern path, String method, boolean csrf, Params params, Object[] body, Env env) {}
