package coop.roseash.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Services adopt only device ids that federation signed. */
class DeviceIdSignatureTest {

    private static final String ID = "0b9f3c2e-8d1a-4f6b-9c7e-2a5d4e3f1b60";

    private final DeviceIdSignature signature = new DeviceIdSignature(Optional.of("device-secret"));

    @Test
    void aSignedIdIsIdDotBase64UrlHmac() {
        // HMAC-SHA256("device-secret", id), base64url without padding, computed independently with Python's hmac
        assertThat(signature.sign(ID)).isEqualTo(ID + ".KJuzN0DIwkqcb4D8-G4VTugo6jAcdnCw4PdP1fTxwUE");
    }

    @Test
    void theSecretIsUsedAsItsUtf8Bytes() {
        assertThat(new DeviceIdSignature(Optional.of("d\u00e9vice")).sign(ID))
                .isEqualTo(ID + ".tlyWOI6RC5YsCudlkyetZorGChFIEzX4WTDdN-kQMg0");
    }

    @Test
    void aSignedIdVerifiesToTheId() {
        String id = UUID.randomUUID().toString();

        assertThat(signature.verify(signature.sign(id))).contains(id);
        assertThat(new DeviceIdSignature(Optional.of("device-secret")).verify(signature.sign(id))).contains(id);
    }

    @Test
    void tamperedForeignOrMalformedValuesAreRefused() {
        String signed = signature.sign(ID);
        String mac = signed.substring(ID.length() + 1);

        assertThat(signature.verify(null)).isEmpty();
        assertThat(signature.verify("")).isEmpty();
        assertThat(signature.verify(ID)).isEmpty();
        assertThat(signature.verify(ID + ".")).isEmpty();
        assertThat(signature.verify(ID + "." + mac.substring(1))).isEmpty();
        assertThat(signature.verify(ID + "." + mac + "A")).isEmpty();
        assertThat(signature.verify(ID.replace('0', '1') + "." + mac)).isEmpty();
        assertThat(new DeviceIdSignature(Optional.of("other-secret")).verify(signed)).isEmpty();
    }

    @Test
    void onlyDeviceIdShapedValuesAreAdoptedEvenWhenSignedByUs() {
        assertThat(signature.verify(signature.sign("admin"))).isEmpty();
        assertThat(signature.verify(signature.sign(ID.toUpperCase()))).isEmpty();
        assertThat(signature.verify(signature.sign(ID + "0"))).isEmpty();
        assertThat(signature.verify(signature.sign(ID.substring(1)))).isEmpty();
        assertThat(signature.verify(signature.sign(ID + "\n"))).isEmpty();
    }

    @Test
    void withoutASecretEachProcessSignsWithItsOwnRandomKey() {
        DeviceIdSignature one = new DeviceIdSignature(Optional.empty());
        DeviceIdSignature two = new DeviceIdSignature(Optional.of(" "));

        assertThat(one.verify(one.sign(ID))).contains(ID);
        assertThat(two.verify(one.sign(ID))).isEmpty();
        assertThat(new DeviceIdSignature(Optional.of(" ")).verify(two.sign(ID))).isEmpty();
    }
}
