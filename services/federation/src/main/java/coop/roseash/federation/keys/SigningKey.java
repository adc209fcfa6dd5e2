package coop.roseash.federation.keys;

import org.jose4j.jwk.RsaJsonWebKey;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/** One RS256 signing key pair and its key id (the RFC 7638 thumbprint of the public key). */
public record SigningKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {

    static SigningKey of(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        return new SigningKey(new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256"), privateKey, publicKey);
    }

    /** The public half as a JWK (RFC 7517) for the JWKS document. */
    public Map<String, Object> publicJwk() {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
