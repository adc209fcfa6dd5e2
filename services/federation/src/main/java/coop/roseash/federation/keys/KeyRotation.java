package coop.roseash.federation.keys;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Rotates the signing key on a schedule where federation owns a writable key folder (local runs, a
 * single host): once the current key is older than {@code roseash.federation.signing-key-rotation}, a
 * fresh key signs and the old one stays published as the previous key. Every replica re-reads the
 * folder hourly, so all sign with the new key within the hour, and the period (90 days by default) is far
 * longer than any token lives. In the production stack the folder is a read-only secret and rotation is
 * the operator's (docs/operations.md); this job then only logs that once.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final KeyRing ring;
    private final Duration period;
    private final Clock clock;
    private volatile boolean toldReadOnly;

    @Inject
    KeyRotation(KeyRing ring, @ConfigProperty(name = "roseash.federation.signing-key-rotation", defaultValue = "P90D") Duration period) {
        this(ring, period, Clock.systemUTC());
    }

    KeyRotation(KeyRing ring, Duration period, Clock clock) {
        this.ring = ring;
        this.period = period;
        this.clock = clock;
    }

    @Scheduled(every = "${roseash.federation.signing-key-check:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        rotateIfDue();
    }

    /** Re-reads the folder, then rotates when the current key is due; true when this call rotated. */
    public boolean rotateIfDue() {
        ring.reload();
        if (!due()) {
            return false;
        }
        if (!ring.writable()) {
            if (!toldReadOnly) {
                toldReadOnly = true;
                LOG.infof("The signing key is older than %s, but its folder is read-only: rotate it as a secret (docs/operations.md)", period);
            }
            return false;
        }
        return ring.rotateUnlessRotatedSince(clock.instant().minus(period));
    }

    private boolean due() {
        Instant created = ring.currentCreated();
        return created.plus(period).isBefore(clock.instant());
    }
}
