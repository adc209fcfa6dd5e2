package coop.roseash.shared.activitypub;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9421 HTTP Message Signatures, verification of the first signature of a request. No library on Maven Central
 * served here parses RFC 8941 structured fields for it (docs/decisions.md), so the dictionary parsing below covers
 * what RFC 9421 signatures use (inner lists of strings with string and integer parameters; byte sequences); the
 * crypto is the JDK's. Components with parameters ({@code ;sf}, {@code ;req}...) are refused, not guessed at.
 */
public final class MessageSignatures {

    private MessageSignatures() {
    }

    /** One parsed signature: its label, covered components, parameters, the raw {@code @signature-params}, the bytes. */
    public record Parsed(String label, List<String> components, Map<String, Object> params, String signatureParams,
                         byte[] signature) {
        public String keyId() {
            return params.get("keyid") instanceof String s ? s : null;
        }

        public Long created() {
            return params.get("created") instanceof Long l ? l : null;
        }

        public Long expires() {
            return params.get("expires") instanceof Long l ? l : null;
        }

        public String alg() {
            return params.get("alg") instanceof String s ? s : null;
        }
    }

    /** Parses the first signature of {@code Signature-Input} and its value in {@code Signature}. */
    public static Parsed parse(String signatureInput, String signature) throws SignatureRefused {
        Map<String, String> inputs = members(signatureInput);
        Map<String, String> values = members(signature);
        if (inputs.isEmpty()) {
            throw new SignatureRefused("Signature-Input names no signature");
        }
        String label = inputs.keySet().iterator().next();
        String raw = inputs.get(label);
        String value = values.get(label);
        if (value == null || !value.startsWith(":") || !value.endsWith(":") || value.length() < 2) {
            throw new SignatureRefused("Signature has no byte sequence for " + label);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
        } catch (IllegalArgumentException e) {
            throw new SignatureRefused("Signature is not base64");
        }
        if (!raw.startsWith("(")) {
            throw new SignatureRefused("Signature-Input of " + label + " is not an inner list");
        }
        int close = raw.indexOf(')');
        if (close < 0) {
            throw new SignatureRefused("Signature-Input of " + label + " is not closed");
        }
        List<String> components = new ArrayList<>();
        for (String item : raw.substring(1, close).trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (!item.startsWith("\"") || !item.endsWith("\"") || item.length() < 2) {
                throw new SignatureRefused("component " + item + " is not supported");
            }
            components.add(item.substring(1, item.length() - 1));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (String param : raw.substring(close + 1).split(";")) {
            if (param.isBlank()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim();
            String v = eq < 0 ? "" : param.substring(eq + 1).trim();
            if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                params.put(name, v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
            } else {
                try {
                    params.put(name, Long.parseLong(v));
                } catch (NumberFormatException e) {
                    params.put(name, v);
                }
            }
        }
        return new Parsed(label, components, params, raw, bytes);
    }

    /** The signature base (RFC 9421 section 2.5) of a request for a parsed signature. */
    public static String base(Parsed parsed, SignedRequest request) throws SignatureRefused {
        StringBuilder base = new StringBuilder();
        for (String component : parsed.components()) {
            base.append('"').append(component).append("\": ").append(componentValue(component, request)).append('\n');
        }
        base.append("\"@signature-params\": ").append(parsed.signatureParams());
        return base.toString();
    }

    private static String componentValue(String component, SignedRequest request) throws SignatureRefused {
        return switch (component) {
            case "@method" -> request.method().toUpperCase(Locale.ROOT);
            case "@authority" -> request.authority().toLowerCase(Locale.ROOT);
            case "@scheme" -> request.scheme().toLowerCase(Locale.ROOT);
            case "@target-uri" -> request.scheme().toLowerCase(Locale.ROOT) + "://" + request.authority().toLowerCase(Locale.ROOT)
                    + request.pathAndQuery();
            case "@request-target" -> request.pathAndQuery();
            case "@path" -> request.path();
            case "@query" -> request.query();
            default -> {
                if (component.startsWith("@")) {
                    throw new SignatureRefused("component " + component + " is not supported");
                }
                String value = request.header(component);
                if (value == null) {
                    throw new SignatureRefused("covered header " + component + " is missing");
                }
                yield value.trim();
            }
        };
    }

    /** Whether the signature verifies with {@code key}; the algorithm is {@code alg}, else chosen by the key's type. */
    public static boolean verifies(Parsed parsed, PublicKey key, SignedRequest request) throws SignatureRefused {
        String base = base(parsed, request);
        String alg = parsed.alg() != null ? parsed.alg() : defaultAlgorithm(key);
        try {
            java.security.Signature verifier;
            switch (alg) {
                case "rsa-v1_5-sha256" -> verifier = java.security.Signature.getInstance("SHA256withRSA");
                case "rsa-pss-sha512" -> {
                    verifier = java.security.Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                }
                case "ed25519" -> verifier = java.security.Signature.getInstance("Ed25519");
                case "ecdsa-p256-sha256" -> verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
                default -> throw new SignatureRefused("algorithm " + alg + " is not supported");
            }
            verifier.initVerify(key);
            verifier.update(base.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(parsed.signature());
        } catch (SignatureRefused e) {
            throw e;
        } catch (Exception e) {
            return false;
        }
    }

    private static String defaultAlgorithm(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "rsa-v1_5-sha256";
        }
        if (key instanceof ECPublicKey) {
            return "ecdsa-p256-sha256";
        }
        return "ed25519";
    }

    /** Splits a structured-field dictionary into member name and raw value (quoted strings kept whole). */
    static Map<String, String> members(String field) throws SignatureRefused {
        Map<String, String> members = new LinkedHashMap<>();
        if (field == null) {
            return members;
        }
        int i = 0;
        int n = field.length();
        while (i < n) {
            while (i < n && (field.charAt(i) == ' ' || field.charAt(i) == ',')) {
                i++;
            }
            int eq = field.indexOf('=', i);
            if (i >= n) {
                break;
            }
            if (eq < 0) {
                throw new SignatureRefused("not a dictionary: " + field);
            }
            String name = field.substring(i, eq).trim();
            int j = eq + 1;
            boolean quoted = false;
            int depth = 0;
            while (j < n) {
                char c = field.charAt(j);
                if (quoted) {
                    if (c == '\\') {
                        j++;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
                j++;
            }
            members.putIfAbsent(name, field.substring(eq + 1, j).trim());
            i = j + 1;
        }
        return members;
    }
}
