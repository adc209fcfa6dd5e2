package coop.roseash.federation.fragments;

import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code auth-menu}: "Sign in", linking to {@code /auth/login} of the host that shows it. */
@ApplicationScoped
public class AuthMenuFragment implements FragmentProvider {

    static final String LOGIN_PATH = "/auth/login";

    private final SxEngine sx;

    AuthMenuFragment(SxEngine sx) {
        this.sx = sx;
    }

    @Override
    public String type() {
        return "auth-menu";
    }

    @Override
    public String render(FragmentParams params) {
        return sx.renderComponent("~federation/fragments/auth-menu", Map.of("login-path", LOGIN_PATH), null);
    }
}
