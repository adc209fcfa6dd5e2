package coop.roseash.sx.registry;

import coop.roseash.sx.eval.Env;
import coop.roseash.sx.route.Router;
import coop.roseash.sx.value.Component;
import java.util.Map;
import java.util.Set;

/** Everything loaded from the sources, immutable once built and shared by every render. */
public record Snapshot(Env global, Map<String, Component> components, Router router, String clientDefinitions,
                       String componentsHash, Set<String> declaredIo) {}
