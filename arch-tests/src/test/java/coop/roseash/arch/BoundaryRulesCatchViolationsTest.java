package coop.roseash.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import coop.roseash.blog.archfixture.UsesOwnPost;
import coop.roseash.market.archfixture.ReachesIntoBlog;
import coop.roseash.shared.archfixture.KnowsAService;
import coop.roseash.shared.contracts.archfixture.LeakyContract;
import coop.roseash.shared.model.blog.archfixture.FixturePost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The rules are not vacuous: each one fails on a deliberate violation (fixture classes in this module's tests). */
class BoundaryRulesCatchViolationsTest {

    private final JavaClasses fixtures = new ClassFileImporter()
            .importClasses(ReachesIntoBlog.class, FixturePost.class, KnowsAService.class, LeakyContract.class);

    @Test
    void aServiceUsingAnotherDomainsEntityFails() {
        assertThatThrownBy(() -> DomainBoundaries.serviceStaysInItsDomain("market").check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIntoBlog")
                .hasMessageContaining("FixturePost");
    }

    @Test
    void theOwningServiceMayUseItsOwnEntities() {
        JavaClasses ownUse = new ClassFileImporter().importClasses(UsesOwnPost.class, FixturePost.class);
        assertThatCode(() -> DomainBoundaries.serviceStaysInItsDomain("blog").check(ownUse))
                .doesNotThrowAnyException();
    }

    @Test
    void sharedLibDependingOnAServiceFails() {
        assertThatThrownBy(() -> DomainBoundaries.sharedLibDependsOnNoService().check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("KnowsAService");
    }

    @Test
    void aContractExposingAnEntityFails() {
        assertThatThrownBy(() -> DomainBoundaries.contractsExposeNoEntities().check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyContract");
    }
}
