package coop.roseash.e2e.security;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every route a packaged service serves, read from what it runs rather than from a list kept by hand: the JAX-RS
 * resource methods in its application jar and in the platform's own libraries (shared-lib), with the access each
 * declares (coop.roseash.shared.web.access, or {@code :auth} for the SX routes behind shared-lib's SxRouter) and
 * whether it opts out of the CSRF check. Classes switched off by a build property the service does not set
 * ({@code @IfBuildProperty}) are left out, as Quarkus leaves them out.
 */
final class RouteCatalogue {

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final String ACCESS = "coop.roseash.shared.web.access.";
    private static final String SX_ROUTER = "coop.roseash.shared.web.router.SxRouter";
    /** The head of a defpage/defhandler form, up to its body or parameter list: name, :path, :method, :auth, :csrf. */
    private static final Pattern SX_ROUTE = Pattern.compile("\\((defpage|defhandler)\\s+(\\S+)\\s+([^(]*)");
    private static final Pattern SX_KEYWORD = Pattern.compile(":(path|method|auth|csrf)\\s+(\"[^\"]*\"|\\S+)");

    private RouteCatalogue() {
    }

    /** The routes of {@code service}, from its packaged quarkus-app under {@code repoRoot}. */
    static List<Route> of(Path repoRoot, String service) {
        Path app = repoRoot.resolve("services/" + service + "/target/quarkus-app");
        List<Path> jars = new ArrayList<>(jarsIn(app.resolve("app")));
        jars.addAll(jarsIn(app.resolve("lib/main")).stream()
                .filter(jar -> jar.getFileName().toString().startsWith("coop.roseash.")).toList());
        if (jars.isEmpty()) {
            throw new IllegalStateException("no packaged jars in " + app + " (package " + service + " first)");
        }
        Properties buildConfig = applicationProperties(jarsIn(app.resolve("app")));
        List<Route> routes = new ArrayList<>();
        JavaClasses classes = importJars(jars);
        for (JavaClass resource : classes) {
            if (!resource.isAnnotatedWith("jakarta.ws.rs.Path") || !enabled(resource, buildConfig)
                    // a REST client interface (cart's SumUp API) describes another system's routes, not ours
                    || resource.isAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")) {
                continue;
            }
            for (JavaMethod method : resource.getMethods()) {
                for (String http : HTTP_METHODS) {
                    if (!method.isAnnotatedWith("jakarta.ws.rs." + http)) {
                        continue;
                    }
                    if (resource.getName().equals(SX_ROUTER)) {
                        continue; // its routes come from the .sx files below
                    }
                    routes.add(new Route(service, http, path(resource, method), access(resource, method),
                            csrfExempt(resource, method), resource.getSimpleName() + "#" + method.getName()));
                }
            }
        }
        if (classes.contain(SX_ROUTER)) {
            jars.forEach(jar -> routes.addAll(sxRoutes(service, jar)));
        }
        return routes;
    }

    private static Route.Access access(JavaClass resource, JavaMethod method) {
        List<Route.Access> declared = new ArrayList<>();
        for (Route.Access access : Route.Access.values()) {
            if (method.isAnnotatedWith(ACCESS + access.annotation) || resource.isAnnotatedWith(ACCESS + access.annotation)) {
                declared.add(access);
            }
        }
        if (declared.size() != 1) {
            // arch-tests' RouteAccessTest should have caught it at build time
            throw new IllegalStateException(resource.getName() + "#" + method.getName() + " declares " + declared);
        }
        return declared.get(0);
    }

    private static boolean csrfExempt(JavaClass resource, JavaMethod method) {
        String exempt = "coop.roseash.shared.web.csrf.CsrfExempt";
        return method.isAnnotatedWith(exempt) || resource.isAnnotatedWith(exempt);
    }

    /** The path template: the class's {@code @Path} then the method's, regular expressions dropped ({@code {id}}). */
    private static String path(JavaClass resource, JavaMethod method) {
        String path = "/" + pathValue(resource.tryGetAnnotationOfType("jakarta.ws.rs.Path"))
                + "/" + pathValue(method.tryGetAnnotationOfType("jakarta.ws.rs.Path"));
        path = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String pathValue(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(Object::toString).orElse("");
    }

    private static boolean enabled(JavaClass resource, Properties buildConfig) {
        return resource.tryGetAnnotationOfType("io.quarkus.arc.properties.IfBuildProperty").map(condition -> {
            String name = condition.get("name").map(Object::toString).orElseThrow();
            String wanted = condition.get("stringValue").map(Object::toString).orElseThrow();
            return wanted.equals(buildConfig.getProperty(name));
        }).orElse(true);
    }

    /** The defpage (GET) and defhandler routes of the .sx files in {@code jar}, with their :auth and :csrf. */
    private static List<Route> sxRoutes(String service, Path jar) {
        List<Route> routes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("sx/") || !entry.getName().endsWith(".sx")) {
                    continue;
                }
                String source;
                try (InputStream in = file.getInputStream(entry)) {
                    source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher form = SX_ROUTE.matcher(source);
                while (form.find()) {
                    String path = null;
                    String method = "GET"; // a page is always GET; a handler without :method too
                    String auth = "public";
                    boolean csrf = true;
                    Matcher keyword = SX_KEYWORD.matcher(form.group(3));
                    while (keyword.find()) {
                        String value = keyword.group(2).replace("\"", "").replaceFirst("^:", "");
                        switch (keyword.group(1)) {
                            case "path" -> path = value;
                            case "method" -> method = value.toUpperCase(Locale.ROOT);
                            case "auth" -> auth = value;
                            default -> csrf = !"false".equals(value);
                        }
                    }
                    if (path != null) {
                        routes.add(new Route(service, method, path.replaceAll("<(\\w+)>", "{$1}"), Route.Access.ofSxAuth(auth),
                                !csrf, "sx:" + form.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    private static JavaClasses importJars(List<Path> jars) {
        List<JarFile> files = new ArrayList<>();
        try {
            for (Path jar : jars) {
                files.add(new JarFile(jar.toFile()));
            }
            return new ClassFileImporter().importJars(files.toArray(JarFile[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            files.forEach(RouteCatalogue::closeQuietly);
        }
    }

    private static Properties applicationProperties(List<Path> appJars) {
        Properties properties = new Properties();
        for (Path jar : appJars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                JarEntry entry = file.getJarEntry("application.properties");
                if (entry != null) {
                    try (InputStream in = file.getInputStream(entry)) {
                        properties.load(in);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(JarFile file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
    }
}
