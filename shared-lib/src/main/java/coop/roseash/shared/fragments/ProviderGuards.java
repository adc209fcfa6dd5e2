package coop.roseash.shared.fragments;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * SmallRye Fault Tolerance around each provider's HTTP calls: the per-fragment timeout, and a circuit breaker so
 * that a provider that keeps failing is skipped for a while (an open breaker fails at once) instead of costing every
 * page the timeout.
 */
@ApplicationScoped
public class ProviderGuards {

    private static final Logger LOG = Logger.getLogger(ProviderGuards.class);

    private final FragmentsConfig config;
    private final Map<String, TypedGuard<Uni<HttpResponse<Buffer>>>> guards = new ConcurrentHashMap<>();

    public ProviderGuards(FragmentsConfig config) {
        this.config = config;
    }

    /** Runs the call under the provider's guard. */
    public Uni<HttpResponse<Buffer>> call(String provider, Supplier<Uni<HttpResponse<Buffer>>> call) {
        return guards.computeIfAbsent(provider, this::guardFor).get(call);
    }

    private TypedGuard<Uni<HttpResponse<Buffer>>> guardFor(String provider) {
        FragmentsConfig.CircuitBreaker breaker = config.circuitBreaker();
        return TypedGuard.create(new TypeLiteral<Uni<HttpResponse<Buffer>>>() { })
                .withTimeout().duration(config.timeoutMs(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                .name("fragments-" + provider)
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delayMs(), ChronoUnit.MILLIS)
                .onStateChange(state -> LOG.infof("fragment provider %s: circuit %s", provider, state))
                .done()
                .build();
    }
}
