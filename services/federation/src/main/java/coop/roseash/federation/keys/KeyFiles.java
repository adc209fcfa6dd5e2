package coop.roseash.federation.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Reads and writes signing keys as PKCS#8 PEM files in one folder: {@code current.pem} signs,
 * {@code previous.pem} is still published so tokens signed before a rotation keep verifying.
 */
final class KeyFiles {
    static final String CURRENT = "current.pem";
    static final String PREVIOUS = "previous.pem";
    static final String LOCK = ".rotation.lock";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    KeyFiles(Path dir) {
        this.dir = dir;
    }

    boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    Optional<SigningKey> read(String name) {
        Path file = dir.resolve(name);
        if (!has(name)) {
            return Optional.empty();
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            var pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return Optional.of(SigningKey.of(priv, pub));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("signing key " + file + " is not an RSA PKCS#8 PEM private key", e);
        }
    }

    /** When the named key file was written (a rotation writes a new file). */
    Instant written(String name) {
        try {
            return Files.getLastModifiedTime(dir.resolve(name)).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + dir.resolve(name), e);
        }
    }

    boolean writable() {
        return Files.isWritable(dir);
    }

    /**
     * Runs {@code work} holding the folder's lock, waiting for it: an exclusive lock on {@code .rotation.lock}
     * keeps other processes (replicas sharing the folder) out, and, as a file lock belongs to the whole JVM, a
     * lock per folder keeps this process's other threads out. So a replica that waited sees the key the
     * holder wrote, never a half-done rotation.
     */
    <T> T whileLocked(Supplier<T> work) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir, e);
        } finally {
            inProcess.unlock();
        }
    }

    /** A fresh 2048-bit key written as {@code current.pem}, the old current kept as {@code previous.pem}. */
    SigningKey rotate() {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            var pair = gen.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path tmp = Files.createTempFile(dir, "key", ".tmp");
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            Path current = dir.resolve(CURRENT);
            // current.pem is replaced, never moved away, so a replica reading the folder always finds one
            if (Files.exists(current)) {
                Path oldCopy = Files.createTempFile(dir, "key", ".tmp");
                Files.copy(current, oldCopy, StandardCopyOption.REPLACE_EXISTING);
                Files.move(oldCopy, dir.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return read(CURRENT).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
