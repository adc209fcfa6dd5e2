package coop.roseash.shared.services.events;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ticket codes: 160 random bits from {@link SecureRandom} in base32 (RFC 4648 alphabet, no padding), 32 characters
 * that survive being read out or typed at the door; a forged or guessed code finds nothing.
 */
public final class TicketCodes {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int BYTES = 20;
    public static final int LENGTH = BYTES * 8 / 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketCodes() {
    }

    /** A new code. */
    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** A typed code as stored: spaces and dashes dropped, upper case; null when it cannot be a code at all. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == LENGTH && code.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))
                ? code : null;
    }
}
