package coop.roseash.shared.fragments;

import coop.roseash.shared.web.FragmentSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/** The {@code (frag "service" "type" {params})} IO primitive's source: a blocking call of the fragment client. */
@ApplicationScoped
public class FragmentSourceClient implements FragmentSource {

    private static final Logger LOG = Logger.getLogger(FragmentSourceClient.class);
    // the client already gives up after the fragment timeout; this only bounds a stuck subscription
    private static final long GRACE_MS = 200;

    private final FragmentClient client;
    private final FragmentsConfig config;

    public FragmentSourceClient(FragmentClient client, FragmentsConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public String fetch(String service, String type, Map<String, String> params) {
        try {
            return client.fetch(service, type, FragmentParams.of(params))
                    .await().atMost(Duration.ofMillis(config.timeoutMs() + GRACE_MS));
        } catch (RuntimeException e) {
            // bad names, or called where blocking is not allowed: the page renders without the fragment
            LOG.warnf("fragment %s from %s shown empty: %s", type, service, e.getMessage());
            return "";
        }
    }
}
