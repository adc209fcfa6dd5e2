package coop.roseash.account.dashboard;

import coop.roseash.account.AccountConfig;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.federation.Members;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Optional;

/**
 * The member's ActivityPub handle, {@code @username@<federation's host>}, once they chose a username (their actor
 * profile, federation's, read through {@link Members}); until then the address of federation's choose-username page.
 */
@ApplicationScoped
public class FediverseHandle {

    private final Members members;
    private final ServiceUrls urls;
    private final AccountConfig config;

    FediverseHandle(Members members, ServiceUrls urls, AccountConfig config) {
        this.members = members;
        this.urls = urls;
        this.config = config;
    }

    public Optional<String> of(long userId) {
        return members.actorUsername(userId).map(u -> "@" + u + "@" + URI.create(urls.publicUrl("federation")).getAuthority());
    }

    /** federation's page where a member picks their username (one config key: roseash.account.choose-username-path). */
    public String chooseUsernameUrl() {
        return urls.publicUrl("federation") + config.chooseUsernamePath();
    }

    /** Where admins see the fediverse servers our deliveries fail at (federation's page). */
    public String deliveriesAdminUrl() {
        return urls.publicUrl("federation") + "/admin/deliveries";
    }
}
