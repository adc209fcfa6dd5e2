package coop.roseash.shared.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final SecretKeySpec KEY = AesGcm.key(Base64.getEncoder().encodeToString(new byte[32]), "test.key");

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndWhatItIsBoundTo() throws GeneralSecurityException {
        byte[] sealed = AesGcm.seal(KEY, "sumup-secret", "page 7");
        assertThat(new String(sealed)).doesNotContain("sumup-secret");
        assertThat(AesGcm.open(KEY, sealed, "page 7")).isEqualTo("sumup-secret");
        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, "page 8")).isInstanceOf(GeneralSecurityException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> AesGcm.open(new SecretKeySpec(other, "AES"), sealed, "page 7"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aTamperedOrTruncatedValueDoesNotOpen() throws GeneralSecurityException {
        byte[] sealed = AesGcm.seal(KEY, "private key", "alice");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, "alice")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> AesGcm.open(KEY, new byte[5], "alice")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void twoSealsOfOneValueDiffer() throws GeneralSecurityException {
        assertThat(AesGcm.seal(KEY, "same", "x")).isNotEqualTo(AesGcm.seal(KEY, "same", "x"));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> AesGcm.key(Base64.getEncoder().encodeToString(new byte[16]), "roseash.blog.credentials-key"))
                .hasMessage("roseash.blog.credentials-key must be 32 bytes, base64-encoded; got 16 bytes");
    }
}
