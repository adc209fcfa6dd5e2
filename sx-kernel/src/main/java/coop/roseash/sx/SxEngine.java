package coop.roseash.sx;

import coop.roseash.sx.eval.Budget;
import coop.roseash.sx.eval.DeepRecursion;
import coop.roseash.sx.eval.Env;
import coop.roseash.sx.eval.EvalContext;
import coop.roseash.sx.eval.IoJournal;
import coop.roseash.sx.eval.Limits;
import coop.roseash.sx.eval.Evaluator;
import coop.roseash.sx.eval.Mode;
import coop.roseash.sx.eval.Primitive;
import coop.roseash.sx.reader.Reader;
import coop.roseash.sx.registry.Analyser;
import coop.roseash.sx.registry.Loader;
import coop.roseash.sx.registry.Snapshot;
import coop.roseash.sx.registry.SourceSet;
import coop.roseash.sx.render.ComponentCall;
import coop.roseash.sx.render.HtmlRenderer;
import coop.roseash.sx.render.OutputBuffers;
import coop.roseash.sx.render.WireOut;
import coop.roseash.sx.render.WireRenderer;
import coop.roseash.sx.route.HandlerDef;
import coop.roseash.sx.route.PageDef;
import coop.roseash.sx.value.Boundary;
import coop.roseash.sx.value.Component;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The SX engine a host embeds: loads and analyses {@code .sx} sources once, then renders many
 * times from any number of threads. See API.md.
 */
public final class SxEngine {
    /** Depth at which an evaluation on a caller's thread moves to a big-stack thread. */
    private static final int SHALLOW_LIMIT = 150;
    private static final long DEEP_STACK_BYTES = 2L << 30;
    private static final long RELOAD_CHECK_MILLIS = 500;

    private final SourceSet sources;
    private final Map<String, Primitive> io;
    private final Limits limits;
    private final boolean reload;
    private volatile Snapshot snapshot;
    private volatile String fingerprint;
    private volatile long lastCheck;

    private SxEngine(Builder b) {
        Kernel.init();
        this.sources = new SourceSet(b.classpath, b.directories, b.inline, b.loader);
        this.io = b.io;
        this.limits = b.limits;
        this.reload = b.reload;
        this.fingerprint = reload ? sources.fingerprint() : "";
        this.snapshot = Loader.load(sources.load(), io, limits);
        this.lastCheck = System.currentTimeMillis();
    }

    public static Builder builder() { return new Builder(); }

    /** Configures sources, IO primitives and limits. */
    public static final class Builder {
        private final List<String> classpath = new ArrayList<>();
        private final List<Path> directories = new ArrayList<>();
        private final List<SourceSet.SourceFile> inline = new ArrayList<>();
        private final Map<String, Primitive> io = new LinkedHashMap<>();
        private ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : SxEngine.class.getClassLoader();
        private boolean reload;
        private Limits limits = Limits.DEFAULT;

        /** Every {@code **}/{@code *.sx} under this classpath root, in directories or jars. */
        public Builder classpath(String root) { classpath.add(root); return this; }

        /** A directory of {@code .sx} files; its files override classpath files of the same relative name. */
        public Builder directory(Path dir) { directories.add(dir); return this; }

        /** An in-memory source file (tests, tools). */
        public Builder source(String name, String text) {
            inline.add(new SourceSet.SourceFile(name, name, null, 0, text));
            return this;
        }

        public Builder classLoader(ClassLoader cl) { loader = cl; return this; }

        /** Development: re-read all sources when a file's modification time changes. */
        public Builder reloadChangedFiles(boolean on) { reload = on; return this; }

        public Builder io(IoPrimitive p) {
            IoPrimitive.IoFunction fn = p.function();
            String name = p.name();
            io.put(name, new Primitive(name, p.minArgs(), p.maxArgs(), (args, cx) -> cx.io(() -> {
                try {
                    return Boundary.toSx(fn.apply(cx, Collections.unmodifiableList(Arrays.asList(args))));
                } catch (SxException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SxException(name + " failed: " + e.getMessage());
                }
            })));
            return this;
        }

        /** Deepest non-tail recursion before {@code Recursion too deep}; default 20,000. */
        public Builder maxDepth(int depth) { limits = limits.withMaxDepth(depth); return this; }

        /**
         * Most calls (lambda, component and primitive-driven function calls, tail calls included)
         * one render or eval may make before {@code Evaluation step limit exceeded}; 0 = no limit.
         * Default 100,000,000.
         */
        public Builder maxSteps(long steps) { limits = limits.withMaxSteps(steps); return this; }

        /** Longest wall-clock time of one render or eval before {@code Evaluation time limit exceeded}; zero = no limit. Default 10 s. */
        public Builder timeout(Duration timeout) { limits = limits.withTimeoutMillis(timeout.toMillis()); return this; }

        /** Loads, parses and analyses every source; throws an SxException listing every problem. */
        public SxEngine build() { return new SxEngine(this); }
    }

    // ---- rendering

    public String renderComponent(String name, Map<String, ?> args, Object host) {
        return run(Mode.RENDER, host, (s, cx) -> {
            Component c = component(s, name);
            StringBuilder sb = buffers.take();
            HtmlRenderer.INSTANCE.renderComponent(c, ComponentCall.ofValues(c, Boundary.toSxArgs(args)), cx, sb);
            return buffers.finish(sb);
        });
    }

    public String aserComponent(String name, Map<String, ?> args, Object host) {
        return run(Mode.ASER, host, (s, cx) -> {
            Component c = component(s, name);
            WireOut out = new WireOut(new StringBuilder(), false);
            WireRenderer.INSTANCE.renderComponent(c, ComponentCall.ofValues(c, Boundary.toSxArgs(args)), cx, out);
            return wrap(out);
        });
    }

    public String renderSource(String source, Object host) { return renderSource(source, null, host); }

    /** HTML of every top-level form, concatenated; {@code file} names the source in errors. */
    public String renderSource(String source, String file, Object host) {
        List<Object> forms = parse(source, file);
        return run(Mode.RENDER, host, (s, cx) -> {
            StringBuilder sb = new StringBuilder(1024);
            Env env = new Env(s.global());
            for (Object f : forms) HtmlRenderer.INSTANCE.render(f, env, cx, sb);
            return sb.toString();
        });
    }

    public String aserSource(String source, Object host) { return aserSource(source, null, host); }

    /** Wire format of the top-level forms; several outputs are wrapped in {@code (<> ...)}. */
    public String aserSource(String source, String file, Object host) {
        List<Object> forms = parse(source, file);
        return run(Mode.ASER, host, (s, cx) -> {
            WireOut out = new WireOut(new StringBuilder(), false);
            Env env = new Env(s.global());
            for (Object f : forms) WireRenderer.INSTANCE.render(f, env, cx, out);
            return wrap(out);
        });
    }

    public Object evalSource(String source, Object host) { return evalSource(source, null, host); }

    /** Evaluates every form (effects run) and returns the last value. */
    public Object evalSource(String source, String file, Object host) {
        List<Object> forms = parse(source, file);
        return run(Mode.EVAL, host, (s, cx) -> {
            Env env = new Env(s.global());
            Object last = null;
            for (Object f : forms) last = Evaluator.eval(f, env, cx);
            return last;
        });
    }

    /** A read-eval-print session: definitions persist from one {@link Session#eval} to the next. */
    public final class Session {
        private final Env env = new Env(current().global());

        public Object eval(String source, String file) {
            List<Object> forms = parse(source, file);
            return run(Mode.EVAL, null, (s, cx) -> {
                Object last = null;
                for (Object f : forms) last = Evaluator.eval(f, env, cx);
                return last;
            });
        }
    }

    public Session session() { return new Session(); }

    public String clientComponentDefinitions() { return current().clientDefinitions(); }

    public String componentsHash() { return current().componentsHash(); }

    public Optional<RouteMatch> matchRoute(String method, String path) { return current().router().match(method, path); }

    /** Names of every loaded component, for tools. */
    public List<String> componentNames() { return new ArrayList<>(current().components().keySet()); }

    /** The HTML content of a matched page: :data evaluated, its keys and the path parameters bound, then :content (inside :layout when it names a component). */
    public String renderPage(RouteMatch match, Object host) {
        PageDef p = page(match);
        return run(Mode.RENDER, host, (s, cx) -> {
            Env env = pageEnv(p, match, cx);
            StringBuilder content = new StringBuilder(2048);
            HtmlRenderer.INSTANCE.render(p.content(), env, cx, content);
            Component layout = p.layout() != null && p.layout().startsWith("~") ? s.components().get(p.layout()) : null;
            if (layout == null) return content.toString();
            StringBuilder sb = new StringBuilder(content.length() + 1024);
            HtmlRenderer.INSTANCE.renderComponent(layout, layoutCall(layout, content.toString()), cx, sb);
            return sb.toString();
        });
    }

    /** The page content in wire format (for SX-Request: true). */
    public String aserPage(RouteMatch match, Object host) {
        PageDef p = page(match);
        return run(Mode.ASER, host, (s, cx) -> {
            WireOut out = new WireOut(new StringBuilder(), false);
            WireRenderer.INSTANCE.render(p.content(), pageEnv(p, match, cx), cx, out);
            return wrap(out);
        });
    }

    /** Runs a matched handler with its keyword arguments (form fields, query) and returns wire format. */
    public String runHandler(RouteMatch match, Map<String, ?> args, Object host) {
        if (!(match.definition() instanceof HandlerDef h)) throw new SxException(match.name() + " is not a handler");
        return run(Mode.ASER, host, (s, cx) -> {
            Env env = new Env(h.env());
            for (Map.Entry<String, String> e : match.params().entrySet()) env.define(Symbol.of(e.getKey()), e.getValue());
            SxDict given = Boundary.toSxArgs(args);
            for (Symbol param : h.params().names()) env.define(param, given.get(param.name));
            if (h.params().rest() != null) env.define(h.params().rest(), given);
            WireOut out = new WireOut(new StringBuilder(), false);
            WireRenderer.INSTANCE.renderBody(Arrays.asList(h.body()), 0, env, cx, out);
            return wrap(out);
        });
    }

    private static PageDef page(RouteMatch match) {
        if (!(match.definition() instanceof PageDef p)) throw new SxException(match.name() + " is not a page");
        return p;
    }

    private static Env pageEnv(PageDef p, RouteMatch match, EvalContext cx) {
        Env env = new Env(p.env());
        for (Map.Entry<String, String> e : match.params().entrySet()) env.define(Symbol.of(e.getKey()), e.getValue());
        if (p.data() != null) {
            Object data = Evaluator.eval(p.data(), env, cx);
            if (data instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) env.define(Symbol.of(String.valueOf(e.getKey())), e.getValue());
            } else if (data != null) {
                throw new SxException("defpage " + p.name() + " :data must evaluate to a dict");
            }
        }
        return env;
    }

    private static ComponentCall layoutCall(Component layout, String html) {
        if (layout.params.rest() == null) throw new SxException("Layout " + layout.name + " must take &rest children");
        return ComponentCall.ofValues(layout, Map.of()).withChildren(List.of(new RawHtml(html)));
    }

    private static String wrap(WireOut out) {
        String s = out.toString();
        return out.count() > 1 ? "(<> " + s + ")" : s;
    }

    private static Component component(Snapshot s, String name) {
        Component c = s.components().get(name);
        if (c == null) throw new SxException("Unknown component: " + name);
        return c;
    }

    private List<Object> parse(String source, String file) {
        List<Object> forms = Reader.readAll(source, file);
        Analyser a = new Analyser(current().declaredIo());
        for (Object f : forms) a.analyse(f);
        if (!a.problems().isEmpty()) throw Loader.combined(a.problems());
        return forms;
    }

    // ---- running: shallow on the caller's thread, rerun on a big stack when deep

    /** One evaluation against a snapshot. */
    @FunctionalInterface
    private interface Job<T> {
        T run(Snapshot s, EvalContext cx);
    }

    private final OutputBuffers buffers = new OutputBuffers();

    private <T> T run(Mode mode, Object host, Job<T> job) {
        Snapshot s = current();
        IoJournal journal = new IoJournal();
        Budget budget = limits.budget(); // the rerun spends what is left of the same budget
        try {
            return attempt(s, mode, host, job, SHALLOW_LIMIT, journal, budget);
        } catch (DeepRecursion e) {
            // the rerun replays the IO results of the first attempt instead of repeating its side effects
            return onBigStack(() -> attempt(s, mode, host, job, 0, journal.replay(), budget));
        }
    }

    private <T> T attempt(Snapshot s, Mode mode, Object host, Job<T> job, int shallowLimit, IoJournal journal, Budget budget) {
        EvalContext cx = new EvalContext(mode, host, mode == Mode.ASER ? WireRenderer.INSTANCE : HtmlRenderer.INSTANCE,
                limits.maxDepth(), shallowLimit, journal, budget);
        try {
            return job.run(s, cx);
        } catch (StackOverflowError e) {
            // a last line of defence: deeply nested data rather than recursion
            throw new SxException("Recursion too deep");
        } finally {
            cx.returnUnusedSteps();
        }
    }

    /** Runs work on a fresh thread with a large stack, for deep recursion. */
    public static <T> T onBigStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "sx-deep", DEEP_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SxException("Interrupted");
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        return result.get();
    }

    private Snapshot current() {
        if (reload) reloadIfChanged();
        return snapshot;
    }

    private void reloadIfChanged() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < RELOAD_CHECK_MILLIS) return;
        synchronized (this) {
            if (now - lastCheck < RELOAD_CHECK_MILLIS) return;
            String fp = sources.fingerprint();
            if (!fp.equals(fingerprint)) {
                snapshot = Loader.load(sources.load(), io, limits);
                fingerprint = fp;
            }
            lastCheck = now;
        }
    }
}
