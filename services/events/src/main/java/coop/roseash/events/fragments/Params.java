package coop.roseash.events.fragments;

import coop.roseash.shared.fragments.FragmentParams;

/** Reads a fragment's numeric parameter; anything else is "not given". */
final class Params {

    private Params() {
    }

    static Long id(FragmentParams params, String name) {
        String v = params.get(name);
        return v == null || !v.strip().matches("\\d{1,18}") ? null : Long.valueOf(v.strip());
    }
}
