package coop.roseash.shared.activitypub;

import org.tomitribe.auth.signatures.PEM;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keypairs of actors: generated (2048 bits, as Mastodon's), written and read as PEM. */
public final class ActorKeys {

    private ActorKeys() {
    }

    /** A new keypair as PEM: public (SubjectPublicKeyInfo) and private (PKCS#8). */
    public static Pem generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Pem(pem("PUBLIC KEY", pair.getPublic().getEncoded()), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA keypair", e);
        }
    }

    /** A keypair as PEM text. */
    public record Pem(String publicKey, String privateKey) {
    }

    /** Reads an SPKI public key (RSA, EC or Ed25519) or a PKCS#1 RSA one. */
    public static PublicKey publicKey(String pem) {
        if (pem != null && pem.contains("BEGIN PUBLIC KEY")) {
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next
                }
            }
            throw new IllegalArgumentException("not an RSA, EC or Ed25519 public key");
        }
        try {
            return PEM.readPublicKey(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a PEM public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return PEM.readPrivateKey(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
