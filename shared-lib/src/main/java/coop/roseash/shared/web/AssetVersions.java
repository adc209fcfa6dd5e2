package coop.roseash.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * URLs of static assets ({@code META-INF/resources/static/**}) with a content hash, so browsers may cache them and
 * still see a new version at once.
 */
@ApplicationScoped
public class AssetVersions {

    private static final String ROOT = "META-INF/resources/static/";
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** {@code /static/NAME?v=HASH}, or {@code /static/NAME} when the asset is not on the classpath. */
    public String url(String name) {
        String clean = name.startsWith("/") ? name.substring(1) : name;
        if (clean.contains("..")) {
            throw new IllegalArgumentException("asset name may not contain '..': " + name);
        }
        return urls.computeIfAbsent(clean, AssetVersions::versioned);
    }

    private static String versioned(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return "/static/" + name;
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "/static/" + name + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
