package coop.roseash.arch;

import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The platform's boundary rules (docs/spec/architecture.md, "Runtime shape"): services call each other's domain
 * logic only through the contracts in {@code shared.contracts}, each service touches only its own domain's entities
 * and implementation, and shared-lib never depends on a service.
 */
final class DomainBoundaries {

    /** The six services; each owns the domain of the same name. */
    static final List<String> SERVICES = List.of("blog", "market", "cart", "events", "federation", "account");

    /** Entity packages under {@code shared.model} that belong to no service: the event bus's own tables. */
    static final List<String> BUS_ENTITIES = List.of("activity");

    private DomainBoundaries() {
    }

    /** A service may use its own domain's entities and implementation; other domains only through contracts. */
    static ArchRule serviceStaysInItsDomain(String service) {
        List<String> forbidden = new ArrayList<>();
        for (String other : SERVICES) {
            if (other.equals(service)) {
                continue;
            }
            forbidden.add("coop.roseash.shared.model." + other + "..");
            forbidden.add("coop.roseash.shared.services." + other + "..");
            forbidden.add("coop.roseash." + other + "..");
        }
        for (String bus : BUS_ENTITIES) {
            forbidden.add("coop.roseash.shared.model." + bus + "..");
        }
        return noClasses().that().resideInAPackage("coop.roseash." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because(service + " reaches other domains only through coop.roseash.shared.contracts");
    }

    /** shared-lib is below every service. */
    static ArchRule sharedLibDependsOnNoService() {
        return noClasses().that().resideInAPackage("coop.roseash.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        SERVICES.stream().map(s -> "coop.roseash." + s + "..").toArray(String[]::new))
                .because("shared-lib is deployed with every service and must not know any of them");
    }

    /** Contracts are interfaces and DTO records: no entity, no implementation, no persistence leaks through them. */
    static ArchRule contractsExposeNoEntities() {
        return noClasses().that().resideInAPackage("coop.roseash.shared.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "coop.roseash.shared.model..", "coop.roseash.shared.services..",
                        "jakarta.persistence..", "io.quarkus.hibernate..")
                .because("a contract's callers must not be able to reach another domain's entities through it");
    }

    /** A domain's implementation in shared-lib touches only that domain's entities and other domains' contracts. */
    static ArchRule implementationStaysInItsDomain(String domain) {
        List<String> forbidden = new ArrayList<>();
        for (String other : SERVICES) {
            if (!other.equals(domain)) {
                forbidden.add("coop.roseash.shared.model." + other + "..");
                forbidden.add("coop.roseash.shared.services." + other + "..");
            }
        }
        return noClasses().that().resideInAPackage("coop.roseash.shared.services." + domain + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .allowEmptyShould(true)
                .because("the " + domain + " implementation reaches other domains only through their contracts");
    }
}
