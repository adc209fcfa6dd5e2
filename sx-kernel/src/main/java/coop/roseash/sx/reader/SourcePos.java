package coop.roseash.sx.reader;

/** A 1-based line and column in a named source (file may be null for ad-hoc source). */
public record SourcePos(String file, int line, int column) {
    @Override
    public String toString() {
        return file == null ? line + ":" + column : file + ":" + line + ":" + column;
    }
}
