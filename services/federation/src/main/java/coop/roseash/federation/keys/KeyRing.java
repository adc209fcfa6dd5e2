package coop.roseash.federation.keys;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization server's signing keys: the current key signs every token; the previous one
 * stays published in the JWKS after a rotation so tokens it signed still verify until they expire.
 * Keys live in a folder shared by every replica (generated on first start when empty).
 */
@Startup
@ApplicationScoped
public class KeyRing {
    private final KeyFiles files;
    private volatile SigningKey current;
    private volatile Optional<SigningKey> previous;
    private volatile Instant loadedWritten;

    public KeyRing(@ConfigProperty(name = "roseash.federation.signing-keys-dir", defaultValue = ".data/keys/federation") Path dir) {
        this.files = new KeyFiles(dir);
        reload();
    }

    /** Re-reads the folder (another replica or an operator may have rotated). */
    public synchronized void reload() {
        if (!files.has(KeyFiles.CURRENT)) {
            // an empty folder: of replicas starting together, one makes the key and the others wait and read it
            files.whileLocked(() -> files.has(KeyFiles.CURRENT) ? null : files.rotate());
        }
        // the file time before the keys: a rotation elsewhere in between then reads as not yet loaded
        Instant written = files.written(KeyFiles.CURRENT);
        current = files.read(KeyFiles.CURRENT).orElseThrow();
        previous = files.read(KeyFiles.PREVIOUS);
        loadedWritten = written;
    }

    /** Re-reads the folder when another replica rotated since (one file-time read; JWKS requests are rare). */
    private void reloadIfRotatedElsewhere() {
        if (!files.written(KeyFiles.CURRENT).equals(loadedWritten)) {
            reload();
        }
    }

    /** Makes a new current key; the old current becomes the published previous key. */
    public SigningKey rotate() {
        rotateUnlessRotatedSince(Instant.MAX); // the same locked path as the scheduled rotation
        return current;
    }

    /**
     * Rotates under the folder's lock, unless the current key was written after {@code cutoff} (another
     * replica rotated first); true when this call rotated.
     */
    public boolean rotateUnlessRotatedSince(Instant cutoff) {
        boolean rotated = files.whileLocked(() -> {
            if (files.written(KeyFiles.CURRENT).isAfter(cutoff)) {
                return false;
            }
            files.rotate();
            return true;
        });
        reload();
        return rotated;
    }

    /** When the current key was made. */
    public Instant currentCreated() {
        return files.written(KeyFiles.CURRENT);
    }

    /** Whether this process may write new keys (not in the production stack, where keys are read-only secrets). */
    public boolean writable() {
        return files.writable();
    }

    public SigningKey current() {
        return current;
    }

    /** Every key a verifier should accept, current first. */
    public List<SigningKey> published() {
        List<SigningKey> keys = new ArrayList<>();
        keys.add(current);
        previous.filter(p -> !p.kid().equals(current.kid())).ifPresent(keys::add);
        return keys;
    }

    public Optional<SigningKey> byKid(String kid) {
        Optional<SigningKey> known = published().stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (known.isPresent()) {
            return known;
        }
        reloadIfRotatedElsewhere(); // a token signed by a replica that has just rotated
        return published().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /** The JWKS document (RFC 7517); always the folder's keys, so no replica hides a key another one signs with. */
    public Map<String, Object> jwks() {
        reloadIfRotatedElsewhere();
        return Map.of("keys", published().stream().map(SigningKey::publicJwk).toList());
    }
}
