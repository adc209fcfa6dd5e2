package coop.roseash.sx.reader;

import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SX source into values. It keeps its own stack instead of recursing, so any nesting of
 * input gives a positioned error rather than a StackOverflowError.
 */
public final class Reader {
    /** Deepest list nesting accepted; deeper input is almost certainly garbage. */
    public static final int MAX_NESTING = 1000;

    private static final Symbol QUOTE = Symbol.of("quote");
    private static final Symbol QUASIQUOTE = Symbol.of("quasiquote");
    private static final Symbol UNQUOTE = Symbol.of("unquote");
    private static final Symbol SPLICE = Symbol.of("splice-unquote");
    private static final Symbol DISCARD = Symbol.of("#;");

    private final Lexer in;

    private Reader(String source, String file) { this.in = new Lexer(source, file); }

    /** Every form of the source, in order. */
    public static List<Object> readAll(String source, String file) {
        return new Reader(source, file).readForms();
    }

    /** Exactly one form. */
    public static Object readOne(String source) {
        List<Object> forms = readAll(source, null);
        if (forms.size() != 1) throw new ReaderException("expected one form, found " + forms.size(), new SourcePos(null, 1, 1));
        return forms.get(0);
    }

    /** An open list or a pending prefix ({@code 'x}, {@code #;x}) waiting for its form. */
    private static final class Frame {
        final char close;
        final Symbol prefix;
        final SourcePos pos;
        final ArrayList<Object> items;

        Frame(char close, Symbol prefix, SourcePos pos) {
            this.close = close;
            this.prefix = prefix;
            this.pos = pos;
            this.items = prefix == null ? new ArrayList<>() : null;
        }
    }

    private List<Object> readForms() {
        List<Object> top = new ArrayList<>();
        try {
            return readForms(top);
        } catch (ReaderException e) {
            throw e.withFormsBefore(top);
        }
    }

    private List<Object> readForms(List<Object> top) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        int depth = 0;
        while (true) {
            in.skipSpaceAndComments();
            SourcePos p = in.pos();
            if (in.atEnd()) {
                if (stack.isEmpty()) return top;
                Frame f = stack.peek();
                if (f.prefix != null) throw new ReaderException("missing form after " + prefixText(f.prefix), f.pos);
                throw new ReaderException("unclosed " + openText(f.close), f.pos);
            }
            char c = in.peek();
            Object datum;
            switch (c) {
                case '(', '[', '{' -> {
                    in.next();
                    if (++depth > MAX_NESTING) throw new ReaderException("lists nested deeper than " + MAX_NESTING, p);
                    stack.push(new Frame(c == '(' ? ')' : c == '[' ? ']' : '}', null, p));
                    continue;
                }
                case ')', ']', '}' -> {
                    Frame f = stack.peek();
                    if (f == null) throw new ReaderException("unexpected " + c, p);
                    if (f.prefix != null) throw new ReaderException("missing form after " + prefixText(f.prefix), f.pos);
                    if (f.close != c) throw new ReaderException("unexpected " + c + " (expected " + f.close + ")", p);
                    in.next();
                    stack.pop();
                    depth--;
                    datum = f.close == '}' ? dict(f) : SxList.wrap(f.items.toArray(), f.pos);
                }
                case '\'' -> { in.next(); stack.push(new Frame((char) 0, QUOTE, p)); continue; }
                case '`' -> { in.next(); stack.push(new Frame((char) 0, QUASIQUOTE, p)); continue; }
                case ',' -> {
                    in.next();
                    boolean splice = !in.atEnd() && in.peek() == '@';
                    if (splice) in.next();
                    stack.push(new Frame((char) 0, splice ? SPLICE : UNQUOTE, p));
                    continue;
                }
                case '#' -> {
                    in.next();
                    if (in.atEnd() || in.peek() != ';') throw new ReaderException("unexpected character #", p);
                    in.next();
                    stack.push(new Frame((char) 0, DISCARD, p));
                    continue;
                }
                case '"' -> datum = in.readString();
                default -> datum = in.readAtom();
            }
            deliver(datum, stack, top);
        }
    }

    /** Hands a finished form to whatever is waiting for it, applying pending prefixes. */
    private static void deliver(Object datum, ArrayDeque<Frame> stack, List<Object> top) {
        while (true) {
            Frame f = stack.peek();
            if (f == null) { top.add(datum); return; }
            if (f.prefix == null) { f.items.add(datum); return; }
            stack.pop();
            if (f.prefix == DISCARD) return;
            datum = SxList.wrap(new Object[] {f.prefix, datum}, f.pos);
        }
    }

    private static SxDict dict(Frame f) {
        List<Object> items = f.items;
        if (items.size() % 2 != 0) throw new ReaderException("odd number of forms in dict literal", f.pos);
        SxDict d = new SxDict(items.size() / 2);
        for (int i = 0; i < items.size(); i += 2) {
            Object k = items.get(i);
            String key;
            if (k instanceof Keyword kw) key = kw.name;
            else if (k instanceof String s) key = s;
            else throw new ReaderException("dict literal keys must be keywords or strings", f.pos);
            d.put(key, items.get(i + 1));
        }
        return d;
    }

    private static String openText(char close) { return close == ')' ? "(" : close == ']' ? "[" : "{"; }

    private static String prefixText(Symbol prefix) {
        return switch (prefix.name) {
            case "quote" -> "'";
            case "quasiquote" -> "`";
            case "unquote" -> ",";
            case "splice-unquote" -> ",@";
            default -> "#;";
        };
    }
}
