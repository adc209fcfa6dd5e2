package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Fragment providers that exist only in the tests: one that echoes, one that counts, one that fails, one that hangs. */
final class TestFragments {

    /** A fragment that exists only in these tests, served by the test application itself ("self"). */
    static FragmentSpec testFragment(String name) {
        return new FragmentSpec(name, Set.of("self"), Set.of("user_id", "device_id", "variant", "slug"),
                Duration.ofSeconds(30), false);
    }

    private TestFragments() {
    }

    @ApplicationScoped
    static class Echo implements FragmentProvider {
        @Override
        public FragmentSpec fragment() {
            return testFragment("echo");
        }

        @Override
        public String render(FragmentParams params) {
            return "<p class=\"echo\">" + params.canonicalQuery() + "</p>";
        }
    }

    /** Counts renders per canonical query, so a test can tell a cache hit from a fetch. */
    @ApplicationScoped
    static class Counted implements FragmentProvider {
        static final Map<String, AtomicInteger> RENDERS = new ConcurrentHashMap<>();

        static int renders(FragmentParams params) {
            return RENDERS.getOrDefault(params.canonicalQuery(), new AtomicInteger()).get();
        }

        @Override
        public FragmentSpec fragment() {
            return testFragment("counted");
        }

        @Override
        public String render(FragmentParams params) {
            int n = RENDERS.computeIfAbsent(params.canonicalQuery(), key -> new AtomicInteger()).incrementAndGet();
            return "<b>render " + n + "</b>";
        }
    }

    @ApplicationScoped
    static class Failing implements FragmentProvider {
        @Override
        public FragmentSpec fragment() {
            return testFragment("failing");
        }

        @Override
        public String render(FragmentParams params) {
            throw new IllegalStateException("this provider always fails");
        }
    }

    @ApplicationScoped
    static class Slow implements FragmentProvider {
        @Override
        public FragmentSpec fragment() {
            return testFragment("slow");
        }

        @Override
        public String render(FragmentParams params) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "<p>too late</p>";
        }
    }

    /** Stands in for blog's nav-tree, federation's auth-menu and cart's cart-mini: shows the type and the params it got. */
    abstract static class HeaderEcho implements FragmentProvider {
        @Override
        public String render(FragmentParams params) {
            return "<i>" + type() + "?" + params.canonicalQuery() + "</i>";
        }
    }

    @ApplicationScoped
    static class NavTree extends HeaderEcho {
        @Override
        public FragmentSpec fragment() {
            return FragmentCatalogue.NAV_TREE;
        }
    }

    @ApplicationScoped
    static class AuthMenu extends HeaderEcho {
        @Override
        public FragmentSpec fragment() {
            return FragmentCatalogue.AUTH_MENU;
        }
    }

    @ApplicationScoped
    static class CartMini extends HeaderEcho {
        @Override
        public FragmentSpec fragment() {
            return FragmentCatalogue.CART_MINI;
        }
    }
}
