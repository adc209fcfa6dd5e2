package coop.roseash.sx.reader;

import coop.roseash.sx.SxException;

/** A syntax error, positioned where the offending form starts. */
public final class ReaderException extends SxException {
    public ReaderException(String message, SourcePos pos) {
        super(message, pos);
    }
}
