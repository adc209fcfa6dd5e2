package coop.roseash.federation.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import coop.roseash.federation.login.Members;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code auth-menu}: "Sign in" (to {@code /auth/login} of the host that shows it), or, for
 * {@code user_id}, the member's name with a menu (account, sign out).
 */
@ApplicationScoped
public class AuthMenuFragment implements FragmentProvider {

    static final String LOGIN_PATH = "/auth/login";
    static final String LOGOUT_PATH = "/auth/logout";

    private final SxEngine sx;
    private final Members members;
    private final ServiceUrls urls;

    AuthMenuFragment(SxEngine sx, Members members, ServiceUrls urls) {
        this.sx = sx;
        this.members = members;
        this.urls = urls;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.AUTH_MENU;
    }

    @Override
    public String render(FragmentParams params) {
        Map<String, Object> args = new HashMap<>();
        args.put("login-path", LOGIN_PATH);
        args.put("logout-path", LOGOUT_PATH);
        String userId = params.get("user_id");
        if (userId != null && userId.matches("\\d{1,18}")) {
            members.find(Long.parseLong(userId)).ifPresent(m -> {
                args.put("member-name", m.shownName());
                args.put("account-url", urls.publicUrl("account") + "/");
            });
        }
        return sx.renderComponent("~federation/fragments/auth-menu", args, null);
    }
}
