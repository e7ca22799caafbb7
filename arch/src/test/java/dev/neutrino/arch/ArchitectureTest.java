package dev.neutrino.arch;

import static dev.neutrino.arch.ProductionClasses.FIXTURES;
import static dev.neutrino.arch.ProductionClasses.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The architecture rules (see {@link ArchRules}) over the production code of every module. */
class ArchitectureTest {
    private final JavaClasses classes = ProductionClasses.get();

    @Test
    void theImportSeesEveryModuleAndNoFixture() {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        // api is being split into engine, ml2 and ext; the other modules keep their packages
        for (String module : new String[] {"common", "model", "ipam", "db", "policy", "ovsdb", "keystone", "ovn", "server"}) {
            assertThat(packages).as("the classes of module %s are on the test classpath", module)
                    .contains(ROOT + "." + module);
        }
        assertThat(packages).noneMatch(p -> p.startsWith(FIXTURES));
        assertThat(packages).as("test classes are not checked").noneMatch(p -> p.equals(ArchitectureTest.class.getPackageName()));
    }

    @Test
    void noPackageCycles() {
        ArchRules.noPackageCycles(ROOT).check(classes);
    }

    @Test
    void engineDoesNotDependOnMl2ExtensionsOvnOrServer() {
        ArchRules.engineIsInnermost(ROOT).check(classes);
    }

    @Test
    void ml2DoesNotDependOnExtensionsOvnOrServer() {
        ArchRules.ml2KnowsNoDrivers(ROOT).check(classes);
    }

    @Test
    void ovnDoesNotDependOnExtensions() {
        ArchRules.ovnUsesNoExtensions(ROOT).check(classes);
    }

    @Test
    void ovnUsesOnlyRequestContextOfTheEngine() {
        ArchRules.ovnUsesOnlyRequestContextOfEngine(ROOT).check(classes);
    }

    @Test
    void ovsdbDependsOnlyOnItselfAndCommon() {
        ArchRules.ovsdbIsStandalone(ROOT).check(classes);
    }

    @Test
    void extensionsUseOnlyDeclarationsOfOtherExtensions() {
        ArchRules.extensionsUseOnlyDeclarationsOfOthers(ROOT).check(classes);
    }

    @Test
    void noServiceLocatorOutsideServer() {
        ArchRules.noServiceLocator(ROOT).check(classes);
    }
}
