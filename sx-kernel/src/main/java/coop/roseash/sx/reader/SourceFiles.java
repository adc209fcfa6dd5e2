package coop.roseash.sx.reader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decodes source bytes as strict UTF-8, reporting the line and column of the first bad byte. */
public final class SourceFiles {
    private SourceFiles() {}

    public static String read(Path path, String displayName) throws IOException {
        return decode(Files.readAllBytes(path), displayName);
    }

    public static String decode(byte[] bytes, String file) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            int line = 1, col = 1;
            while (out.hasRemaining()) {
                if (out.get() == '\n') { line++; col = 1; } else col++;
            }
            throw new ReaderException("invalid UTF-8", new SourcePos(file, line, col));
        }
        try {
            dec.flush(out);
        } catch (IllegalStateException e) {
            throw new ReaderException("invalid UTF-8", new SourcePos(file, 1, 1));
        }
        out.flip();
        return out.toString();
    }
}
