package coop.roseash.sx.cli;

import coop.roseash.sx.SxEngine;
import coop.roseash.sx.SxException;
import coop.roseash.sx.reader.Reader;
import coop.roseash.sx.reader.SourceFiles;
import coop.roseash.sx.registry.Analyser;
import coop.roseash.sx.printer.Printer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code sx} tool: {@code eval|render|aser FILE|-}, {@code check FILES...}, {@code repl}. */
public final class SxCli {
    private SxCli() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) return usage(err);
        try {
            switch (args[0]) {
                case "eval", "render", "aser" -> {
                    if (args.length != 2) return usage(err);
                    String file = args[1].equals("-") ? "<stdin>" : args[1];
                    String src = read(args[1]);
                    String result = Runner.standalone().run(args[0], src, file);
                    out.println(result);
                    return 0;
                }
                case "check" -> {
                    if (args.length < 2) return usage(err);
                    return check(args, out, err);
                }
                case "repl" -> {
                    repl(out, err);
                    return 0;
                }
                default -> {
                    return usage(err);
                }
            }
        } catch (SxException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // a kernel bug, not a problem in the source: still one line, not a stack trace
            err.println("error: internal error: " + e);
            return 3;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: sx eval|render|aser FILE|-   sx check FILES...   sx repl");
        return 2;
    }

    private static String read(String arg) throws IOException {
        if (arg.equals("-")) return SourceFiles.decode(System.in.readAllBytes(), "<stdin>");
        return SourceFiles.read(Path.of(arg), arg);
    }

    /** Reader errors, undeclared IO and unknown components, every one with file:line:column. */
    private static int check(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<SxException> problems = new ArrayList<>();
        List<Analyser.Reference> refs = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            try {
                if (!Files.isRegularFile(Path.of(file))) {
                    problems.add(new SxException("no such file: " + file));
                    continue;
                }
                Analyser a = new Analyser(Set.of());
                List<Object> forms;
                try {
                    forms = Reader.readAll(read(file), file);
                } catch (coop.roseash.sx.reader.ReaderException e) {
                    problems.add(e);
                    forms = e.formsBefore(); // still check what was read before the error
                }
                for (Object form : forms) {
                    a.analyse(form);
                    if (form instanceof List<?> l && l.size() > 1 && l.get(1) instanceof coop.roseash.sx.value.Symbol s
                            && s.isComponentName()) {
                        defined.add(s.name);
                    }
                }
                problems.addAll(a.problems());
                refs.addAll(a.references());
            } catch (SxException e) {
                problems.add(e);
            }
        }
        for (Analyser.Reference r : refs) {
            if (!defined.contains(r.name())) problems.add(new SxException("Unknown component: " + r.name(), r.pos()));
        }
        for (SxException p : problems) err.println("error: " + p.getMessage());
        if (problems.isEmpty()) out.println("ok");
        return problems.isEmpty() ? 0 : 1;
    }

    private static void repl(PrintStream out, PrintStream err) throws IOException {
        SxEngine.Session session = SxEngine.builder().build().session();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        out.print("sx> ");
        for (String line; (line = in.readLine()) != null; ) {
            pending.append(line).append('\n');
            String text = pending.toString();
            try {
                Reader.readAll(text, "<repl>");
            } catch (SxException e) {
                if (e.message().startsWith("unclosed") || e.message().startsWith("unterminated")) {
                    out.print("..> ");
                    continue; // wait for the rest of the form
                }
            }
            try {
                Object v = SxEngine.onBigStack(() -> session.eval(text, "<repl>"));
                out.println(Printer.print(v));
            } catch (SxException e) {
                err.println("error: " + e.getMessage());
            }
            pending.setLength(0);
            out.print("sx> ");
        }
        out.println();
    }
}
