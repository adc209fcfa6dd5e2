package coop.roseash.blog.ghost;

import coop.roseash.blog.support.GhostStub;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Admin API key: Ghost's token format, the choice between the two APIs, and a clear refusal of a bad key. */
class AdminApiKeyTest {

    private static final long ISSUED = 1_790_000_000L;

    /** Verifies as Ghost would, a minute after {@link #ISSUED}. */
    private static JwtContext verify(String token, byte[] secret) throws InvalidJwtException {
        return new JwtConsumerBuilder().setSkipDefaultAudienceValidation().setRequireIssuedAt().setRequireExpirationTime()
                .setEvaluationTime(NumericDate.fromSeconds(ISSUED + 60))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(new HmacKey(secret)).build().process(token);
    }

    private static final byte[] SECRET = HexFormat.of().parseHex(GhostStub.ADMIN_SECRET);

    @Test
    void tokensAreHs256UnderTheHexDecodedSecretWithKidAudienceAndFiveMinutes() throws Exception {
        Instant now = Instant.ofEpochSecond(ISSUED);
        String token = AdminApiKey.parse(GhostStub.ADMIN_KEY).token(now);

        JwtContext jwt = verify(token, SECRET);
        JwtClaims claims = jwt.getJwtClaims();
        assertThat(jwt.getJoseObjects().get(0).getKeyIdHeaderValue()).isEqualTo(GhostStub.ADMIN_KEY_ID);
        assertThat(jwt.getJoseObjects().get(0).getAlgorithmHeaderValue()).isEqualTo("HS256");
        assertThat(claims.getAudience()).containsExactly("/admin/");
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(now.getEpochSecond());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(now.getEpochSecond() + 300);
        // the secret is used as the bytes its hex spells, not as text
        assertThatThrownBy(() -> verify(token, GhostStub.ADMIN_SECRET.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidJwtException.class).hasMessageContaining("signature");
    }

    @Test
    void everyRequestCarriesAFreshToken() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(ISSUED), ZoneOffset.UTC);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://ghost.invalid/"));
        AdminApiKey.parse(GhostStub.ADMIN_KEY, clock).authorize(request);
        String header = request.build().headers().firstValue("Authorization").orElseThrow();
        assertThat(header).startsWith("Ghost ");
        assertThat(verify(header.substring("Ghost ".length()), SECRET).getJwtClaims().getIssuedAt().getValue()).isEqualTo(ISSUED);
    }

    @Test
    void aMalformedKeyIsRefusedWithoutRepeatingIt() {
        for (String bad : new String[] {"just-a-content-key", "id:not-hex-" + "z".repeat(60), "id:abcd", ":" + "ab".repeat(32)}) {
            assertThatThrownBy(() -> AdminApiKey.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("roseash.blog.ghost.admin-key is not a Ghost Admin API key")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void theAdminApiIsUsedWhenItsKeyIsSetTheContentApiOtherwise() {
        assertThat(GhostAccess.fromConfig(Optional.of("c0ffee"), Optional.of(GhostStub.ADMIN_KEY)).orElseThrow())
                .isInstanceOf(AdminApiKey.class).extracting(GhostAccess::authorsResource).isEqualTo("users");
        assertThat(GhostAccess.fromConfig(Optional.of("c0ffee"), Optional.of("  ")).orElseThrow())
                .isEqualTo(new ContentApiKey("c0ffee")).extracting(GhostAccess::authorsResource).isEqualTo("authors");
        assertThat(GhostAccess.fromConfig(Optional.empty(), Optional.empty())).isEmpty();
    }
}
