package coop.roseash.sx.reader;

import coop.roseash.sx.value.Keyword;
import coop.roseash.sx.value.Symbol;

/** Character-level scanning for the reader: position tracking, strings and atoms. */
final class Lexer {
    private final String src;
    private final String file;
    private int i;
    private int line = 1;
    private int col = 1;

    Lexer(String src, String file) {
        this.src = src;
        this.file = file;
    }

    boolean atEnd() { return i >= src.length(); }

    char peek() { return src.charAt(i); }

    SourcePos pos() { return new SourcePos(file, line, col); }

    char next() {
        char c = src.charAt(i++);
        if (c == '\n') { line++; col = 1; } else col++;
        return c;
    }

    void skipSpaceAndComments() {
        while (!atEnd()) {
            char c = peek();
            if (c == ';') {
                while (!atEnd() && peek() != '\n') next();
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                next();
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
                next();
            } else return;
        }
    }

    String readString() {
        SourcePos start = pos();
        next();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) throw new ReaderException("unterminated string", start);
            char c = next();
            if (c == '"') return sb.toString().intern(); // literals are few; interning makes key lookups identity hits
            if (c != '\\') { sb.append(c); continue; }
            if (atEnd()) throw new ReaderException("unterminated string", start);
            char e = next();
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case 'u' -> sb.append(readHex4(start));
                default -> throw new ReaderException("bad escape \\" + (e > 0x20 && e < 0x7f ? String.valueOf(e) : printable(e)) + " in string", start);
            }
        }
    }

    private char readHex4(SourcePos start) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = atEnd() ? -1 : Character.digit(peek(), 16);
            if (d < 0) throw new ReaderException("bad escape \\u in string (expected 4 hex digits)", start);
            next();
            v = v * 16 + d;
        }
        return (char) v;
    }

    Object readAtom() {
        SourcePos start = pos();
        int from = i;
        while (!atEnd() && !isDelimiter(peek())) {
            char c = peek();
            if (!isAtomChar(c)) {
                if (i == from) throw new ReaderException("unexpected character " + printable(c), start);
                throw new ReaderException("unexpected character " + printable(c) + " in " + src.substring(from, i), start);
            }
            next();
        }
        return atom(src.substring(from, i), start);
    }

    private static Object atom(String t, SourcePos start) {
        char c0 = t.charAt(0);
        boolean digitStart = Character.isDigit(c0) || (c0 == '-' && t.length() > 1 && Character.isDigit(t.charAt(1)));
        if (digitStart) return number(t, start);
        switch (t) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "nil": return null;
            default: break;
        }
        if (c0 == ':') {
            if (t.length() == 1) throw new ReaderException("empty keyword", start);
            return Keyword.of(t.substring(1));
        }
        return Symbol.of(t);
    }

    private static Object number(String t, SourcePos start) {
        if (!NumberSyntax.isNumber(t)) throw new ReaderException("invalid number " + t, start);
        if (NumberSyntax.isInteger(t)) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new ReaderException("number too large: " + t, start);
            }
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) throw new ReaderException("number too large: " + t, start);
        return d;
    }

    private static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' || c == ';'
                || c == '\'' || c == '`' || c == ',' || c == ' ' || c == '\n' || c == '\t' || c == '\r'
                || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static boolean isAtomChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "+-*/<>=!?&~._%$:".indexOf(c) >= 0;
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    static String printable(char c) {
        if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || Character.isSurrogate(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
