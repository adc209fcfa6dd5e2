package coop.roseash.sx;

import coop.roseash.sx.reader.SourcePos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Any SX error: a message, the source position it points at, and the components being rendered. */
public class SxException extends RuntimeException {
    private final String message;
    private SourcePos pos;
    private final List<String> chain = new ArrayList<>(2);

    public SxException(String message) {
        super(message, null, false, false);
        this.message = message;
    }

    public SxException(String message, SourcePos pos) {
        this(message);
        this.pos = pos;
    }

    /** The bare message, without position or component chain. */
    public String message() { return message; }

    public String file() { return pos == null ? null : pos.file(); }

    public int line() { return pos == null ? 0 : pos.line(); }

    public int column() { return pos == null ? 0 : pos.column(); }

    public SourcePos pos() { return pos; }

    /** Component names being rendered when the error happened, innermost first. */
    public List<String> componentChain() { return Collections.unmodifiableList(chain); }

    /** Records the innermost position only: outer frames do not overwrite it. */
    public SxException atIfAbsent(SourcePos p) {
        if (pos == null && p != null) pos = p;
        return this;
    }

    public SxException inComponent(String name) {
        chain.add(name);
        return this;
    }

    /** {@code MESSAGE at FILE:LINE:COLUMN} followed by one {@code   in ~name} line per component. */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(message);
        if (pos != null) sb.append(" at ").append(pos);
        for (String c : chain) sb.append("\n  in ").append(c);
        return sb.toString();
    }
}
