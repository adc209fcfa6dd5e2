package coop.roseash.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The boundary rules over the compiled main classes of shared-lib and each service. */
class DomainBoundariesTest {

    static Path root;
    static JavaClasses sharedLib;

    @BeforeAll
    static void importSharedLib() {
        root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        sharedLib = importFolder(root.resolve("shared-lib/target/classes"));
    }

    static List<String> services() {
        return DomainBoundaries.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceReachesOtherDomainsOnlyThroughContracts(String service) {
        JavaClasses classes = importFolder(root.resolve("services/" + service + "/target/classes"));
        DomainBoundaries.serviceStaysInItsDomain(service).check(classes);
    }

    @ParameterizedTest
    @MethodSource("services")
    void sharedImplementationOfADomainStaysInIt(String domain) {
        DomainBoundaries.implementationStaysInItsDomain(domain).check(sharedLib);
    }

    @Test
    void sharedLibDependsOnNoService() {
        DomainBoundaries.sharedLibDependsOnNoService().check(sharedLib);
    }

    @Test
    void contractsExposeNoEntities() {
        DomainBoundaries.contractsExposeNoEntities().check(sharedLib);
    }

    private static JavaClasses importFolder(Path folder) {
        assertThat(folder).as("compiled classes (build the module first)").isDirectory();
        JavaClasses classes = new ClassFileImporter().importPath(folder);
        // An empty import would make every rule pass: the folder must hold the module's classes.
        assertThat(classes).as("classes in " + folder).isNotEmpty();
        return classes;
    }
}
