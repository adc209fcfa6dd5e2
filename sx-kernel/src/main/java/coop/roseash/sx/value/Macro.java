package coop.roseash.sx.value;

import coop.roseash.sx.eval.Env;

/** A macro: receives its arguments unevaluated; its result is evaluated where it was called. */
public record Macro(String name, Params params, Object[] body, Env env) {}
