package coop.roseash.sx.reader;

import coop.roseash.sx.SxException;

/** A syntax error, positioned where the offending form starts. */
public final class ReaderException extends SxException {
    private java.util.List<Object> formsBefore = java.util.List.of();

    public ReaderException(String message, SourcePos pos) {
        super(message, pos);
    }

    /** The complete top-level forms read before the error, so tools can still check them. */
    public java.util.List<Object> formsBefore() { return formsBefore; }

    ReaderException withFormsBefore(java.util.List<Object> forms) {
        formsBefore = java.util.List.copyOf(forms.stream().filter(java.util.Objects::nonNull).toList());
        return this;
    }
}
