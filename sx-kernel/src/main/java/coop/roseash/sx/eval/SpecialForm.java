package coop.roseash.sx.eval;

import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;

/** The special forms; each symbol caches its form so head dispatch is one field read. */
public enum SpecialForm {
    QUOTE(SpecialForms::quote, "quote"),
    IF(SpecialForms::ifForm, "if"),
    WHEN(SpecialForms::when, "when"),
    UNLESS(SpecialForms::unless, "unless"),
    COND(SpecialForms::cond, "cond"),
    CASE(SpecialForms::caseForm, "case"),
    AND(SpecialForms::and, "and"),
    OR(SpecialForms::or, "or"),
    LET(SpecialForms::let, "let"),
    LETREC(SpecialForms::letrec, "letrec"),
    DEFINE(SpecialForms::define, "define"),
    FN(SpecialForms::fn, "fn", "lambda"),
    DO(SpecialForms::doForm, "do", "begin"),
    SET(SpecialForms::set, "set!"),
    QUASIQUOTE(Quasiquote::quasiquote, "quasiquote"),
    UNQUOTE(Quasiquote::unquoteOutside, "unquote", "splice-unquote"),
    DEFMACRO(Definitions::defmacro, "defmacro"),
    DEFCOMP(Definitions::defcomp, "defcomp"),
    DEFISLAND(Definitions::defisland, "defisland"),
    DEFSTYLE(Definitions::defstyle, "defstyle"),
    DEFPAGE(Definitions::defpage, "defpage"),
    DEFHANDLER(Definitions::defhandler, "defhandler"),
    THREAD(SpecialForms::thread, "->"),
    PROVIDE(DynamicScope::provide, "provide"),
    CONTEXT(DynamicScope::context, "context"),
    EMIT(DynamicScope::emit, "emit!"),
    EMITTED(DynamicScope::emitted, "emitted"),
    TRY_CALL(SpecialForms::tryCall, "try-call");

    /** Implementation of one form: a value, or {@link Evaluator#TAIL} after {@link EvalContext#tail}. */
    @FunctionalInterface
    interface Impl {
        Object eval(SxList form, Env env, EvalContext cx);
    }

    private final Impl impl;
    private final String[] names;

    SpecialForm(Impl impl, String... names) {
        this.impl = impl;
        this.names = names;
    }

    public Object eval(SxList form, Env env, EvalContext cx) { return impl.eval(form, env, cx); }

    /** Definitions render nothing. */
    public boolean isDefinition() {
        return this == DEFINE || this == DEFMACRO || this == DEFCOMP || this == DEFISLAND || this == DEFSTYLE
                || this == DEFPAGE || this == DEFHANDLER;
    }

    static {
        for (SpecialForm f : values()) for (String n : f.names) Symbol.of(n).special = f;
    }

    /** Forces the symbol caches to be filled. */
    public static void init() {}
}
