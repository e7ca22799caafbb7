package dev.neutrino.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The production classes of every module this module depends on, imported once per test run. */
final class ProductionClasses {
    static final String ROOT = "dev.neutrino";
    /** Fixtures that show the rules can fail; never part of the real check. */
    static final String FIXTURES = "dev.neutrino.archfixture";

    private static JavaClasses classes;

    private ProductionClasses() {
    }

    static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/" + FIXTURES.replace('.', '/') + "/"))
                    .importPackages(ROOT);
        }
        return classes;
    }
}
