package coop.roseash.sx.primitives;

import coop.roseash.sx.SxException;
import coop.roseash.sx.printer.NumberFormat;
import coop.roseash.sx.printer.Structures;
import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.RawHtml;
import coop.roseash.sx.value.SxDict;
import coop.roseash.sx.value.SxList;
import coop.roseash.sx.value.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compact JSON for {@code json-encode}/{@code json-decode} and island state. */
public final class Json {
    private Json() {}

    public static String encode(Object v) {
        StringBuilder sb = new StringBuilder();
        encode(sb, v);
        return sb.toString();
    }

    public static void encode(StringBuilder sb, Object v) {
        if (v == null) sb.append("null");
        else if (v instanceof String s) string(sb, s);
        else if (v instanceof Boolean b) sb.append(b.booleanValue());
        else if (v instanceof Number n) {
            if (n instanceof Double d && (d.isNaN() || d.isInfinite())) throw new SxException("json-encode: not a finite number");
            NumberFormat.append(sb, n);
        } else if (v instanceof Keyword k) string(sb, k.name);
        else if (v instanceof Symbol s) string(sb, s.name);
        else if (v instanceof RawHtml r) string(sb, r.html());
        else if (v instanceof List<?> l) {
            sb.append('[');
            Structures.items(sb, l, ",", Json::encode);
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Structures.entries(sb, m, ":", ",", Json::string, Json::encode);
            sb.append('}');
        } else throw new SxException("json-encode: cannot encode a " + Types.typeOf(v));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    public static Object decode(String s) { return new Parser(s).document(); }

    /** A strict recursive-descent JSON parser with a nesting limit. */
    private static final class Parser {
        private final String s;
        private int i;
        private int depth;

        Parser(String s) { this.s = s; }

        Object document() {
            Object v = value();
            ws();
            if (i != s.length()) throw error("unexpected text");
            return v;
        }

        private SxException error(String what) { return new SxException("json-decode: " + what + " at offset " + i); }

        private void ws() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) i++;
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            if (c == '{' || c == '[') {
                if (++depth > 500) throw error("nested too deeply");
                Object r = c == '{' ? object() : array();
                depth--;
                return r;
            }
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return true; }
            if (s.startsWith("false", i)) { i += 5; return false; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            return number();
        }

        private SxDict object() {
            i++;
            SxDict d = new SxDict();
            ws();
            if (i < s.length() && s.charAt(i) == '}') { i++; return d; }
            while (true) {
                ws();
                if (i >= s.length() || s.charAt(i) != '"') throw error("expected a string key");
                String k = string();
                ws();
                if (i >= s.length() || s.charAt(i) != ':') throw error("expected :");
                i++;
                d.put(k, value());
                ws();
                if (i < s.length() && s.charAt(i) == ',') { i++; continue; }
                if (i < s.length() && s.charAt(i) == '}') { i++; return d; }
                throw error("expected , or }");
            }
        }

        private SxList array() {
            i++;
            List<Object> out = new ArrayList<>();
            ws();
            if (i < s.length() && s.charAt(i) == ']') { i++; return SxList.EMPTY; }
            while (true) {
                out.add(value());
                ws();
                if (i < s.length() && s.charAt(i) == ',') { i++; continue; }
                if (i < s.length() && s.charAt(i) == ']') { i++; return SxList.copyOf(out); }
                throw error("expected , or ]");
            }
        }

        private String string() {
            i++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                if (i >= s.length()) throw error("unterminated string");
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw error("bad \\u escape");
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        private Object number() {
            int start = i;
            if (i < s.length() && s.charAt(i) == '-') i++;
            while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
            String t = s.substring(start, i);
            if (t.isEmpty() || !coop.roseash.sx.reader.NumberSyntax.isNumber(t)) throw error("bad value");
            if (coop.roseash.sx.reader.NumberSyntax.isInteger(t)) {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    return Double.parseDouble(t);
                }
            }
            return Double.parseDouble(t);
        }
    }
}
