package coop.roseash.sx.conformance;

import java.util.ArrayList;
import java.util.List;

/** Parses a conformance case file (see CONFORMANCE.md) into cases. */
public final class CaseFile {
    /** One case: its source, mode, and either expected output or an expected error fragment. */
    public record Case(String name, int line, String mode, String only, String source, String expected, String error) {}

    private CaseFile() {}

    public static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String fileMode = "eval";
        int i = 0;
        while (i < lines.length && !lines[i].startsWith(";; case:")) {
            if (lines[i].startsWith(";; mode:")) fileMode = lines[i].substring(8).strip();
            i++;
        }
        while (i < lines.length) {
            String name = lines[i].substring(8).strip();
            int startLine = i + 1;
            i++;
            String mode = fileMode;
            String only = null;
            while (i < lines.length && (lines[i].startsWith(";; mode:") || lines[i].startsWith(";; only:"))) {
                if (lines[i].startsWith(";; mode:")) mode = lines[i].substring(8).strip();
                else only = lines[i].substring(8).strip();
                i++;
            }
            StringBuilder src = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith(";=>") && !lines[i].startsWith(";!!")) {
                if (lines[i].startsWith(";; case:")) throw new IllegalArgumentException("case '" + name + "' at line " + startLine + " has no expectation");
                src.append(lines[i]).append('\n');
                i++;
            }
            if (i >= lines.length) throw new IllegalArgumentException("case '" + name + "' at line " + startLine + " has no expectation");
            String expected = null;
            String error = null;
            if (lines[i].startsWith(";!!")) {
                error = strip(lines[i]);
                i++;
            } else {
                StringBuilder exp = new StringBuilder();
                boolean first = true;
                while (i < lines.length && lines[i].startsWith(";=>")) {
                    if (!first) exp.append('\n');
                    exp.append(strip(lines[i]));
                    first = false;
                    i++;
                }
                expected = exp.toString();
            }
            cases.add(new Case(name, startLine, mode, only, src.toString(), expected, error));
            while (i < lines.length && !lines[i].startsWith(";; case:")) i++;
        }
        return cases;
    }

    private static String strip(String line) {
        String rest = line.substring(3);
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }
}
