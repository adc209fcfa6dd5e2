package coop.roseash.market.catalogueimport;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;

/**
 * What the import tests share: the beans, a fresh catalogue site and database, and a market page of the test's own.
 * The subclasses carry {@code @QuarkusTest} with {@link CatalogueSite} as a test resource (one application start
 * for all of them).
 */
abstract class ImportTestBase {

    /** The wholesaler's codes of the fixture catalogue's 11 good products, sorted. */
    static final List<String> CODES = List.of("DF-APR-1KG", "DF-DAT-500", "DF-FIG-250", "DF-PRU-500", "DF-RAI-1KG",
            "DR-APJ-1L", "DR-OAT-1L", "GR-OAT-J25", "GR-OAT-P25", "GR-QUI-500", "GR-RIC-2KG");

    @Inject
    CatalogueImporter importer;

    @Inject
    ImportRuns runs;

    @Inject
    ImportFixtures db;

    long shop;

    @BeforeEach
    void freshCatalogue() {
        CatalogueSite.reset();
        db.clear();
        shop = db.marketPage();
    }

    ImportRunView latestRun() {
        return runs.latest(50, Duration.ofMinutes(2)).orElseThrow();
    }
}
