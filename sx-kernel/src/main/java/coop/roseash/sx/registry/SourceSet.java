package coop.roseash.sx.registry;

import coop.roseash.sx.SxException;
import coop.roseash.sx.reader.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code .sx} files of an engine: every file under the classpath roots (directories or
 * jars) and under the configured directories, which override classpath files of the same name.
 */
public final class SourceSet {
    /** One source file: its name relative to its root, where it came from, and its text. */
    public record SourceFile(String name, String origin, Path path, long modified, String text) {}

    private final List<String> classpathRoots;
    private final List<Path> directories;
    private final List<SourceFile> inline;
    private final ClassLoader loader;

    public SourceSet(List<String> classpathRoots, List<Path> directories, List<SourceFile> inline, ClassLoader loader) {
        this.classpathRoots = List.copyOf(classpathRoots);
        this.directories = List.copyOf(directories);
        this.inline = List.copyOf(inline);
        this.loader = loader;
    }

    /** All files, sorted by name; later roots override earlier ones. */
    public List<SourceFile> load() {
        Map<String, SourceFile> files = new TreeMap<>();
        for (String root : classpathRoots) classpath(root, files);
        for (Path dir : directories) directory(dir, dir.toString(), files);
        for (SourceFile f : inline) files.put(f.name(), f);
        return new ArrayList<>(files.values());
    }

    /** A fingerprint of file names and modification times, to notice changes cheaply. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (Path dir : filesystemRoots()) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".sx")).sorted().forEach(p -> {
                    try {
                        sb.append(p).append('@').append(Files.getLastModifiedTime(p).toMillis()).append(';');
                    } catch (IOException e) {
                        sb.append(p).append("@gone;");
                    }
                });
            } catch (IOException e) {
                sb.append(dir).append("@unreadable;");
            }
        }
        return sb.toString();
    }

    private List<Path> filesystemRoots() {
        List<Path> out = new ArrayList<>(directories);
        for (String root : classpathRoots) {
            try {
                Enumeration<URL> urls = loader.getResources(trim(root));
                while (urls.hasMoreElements()) {
                    URL u = urls.nextElement();
                    if (u.getProtocol().equals("file")) out.add(Paths.get(u.toURI()));
                }
            } catch (IOException | URISyntaxException e) {
                // a root that cannot be listed has nothing to reload
            }
        }
        return out;
    }

    private static String trim(String root) {
        String r = root.startsWith("/") ? root.substring(1) : root;
        return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    private void classpath(String root, Map<String, SourceFile> files) {
        String r = trim(root);
        try {
            Enumeration<URL> urls = loader.getResources(r);
            while (urls.hasMoreElements()) {
                URL u = urls.nextElement();
                if (u.getProtocol().equals("file")) {
                    Path dir = Paths.get(u.toURI());
                    directory(dir, "classpath:" + r, files);
                } else if (u.getProtocol().equals("jar")) {
                    jar(u, r, files);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new SxException("Cannot list classpath root " + root + ": " + e.getMessage());
        }
    }

    private static void jar(URL u, String root, Map<String, SourceFile> files) throws IOException {
        JarURLConnection conn = (JarURLConnection) u.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = conn.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String n = e.getName();
                if (e.isDirectory() || !n.startsWith(root + "/") || !n.endsWith(".sx")) continue;
                String rel = n.substring(root.length() + 1);
                try (InputStream in = jar.getInputStream(e)) {
                    String display = "classpath:" + n;
                    files.put(rel, new SourceFile(rel, display, null, e.getTime(), SourceFiles.decode(in.readAllBytes(), display)));
                }
            }
        }
    }

    private static void directory(Path dir, String origin, Map<String, SourceFile> files) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".sx") && Files.isRegularFile(x)).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String display = origin.startsWith("classpath:") ? origin + "/" + rel : p.toString();
                files.put(rel, new SourceFile(rel, display, p, Files.getLastModifiedTime(p).toMillis(), SourceFiles.read(p, display)));
            }
        } catch (IOException e) {
            throw new SxException("Cannot read " + dir + ": " + e.getMessage());
        }
    }
}
