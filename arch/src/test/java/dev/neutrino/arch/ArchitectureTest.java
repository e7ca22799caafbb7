package dev.neutrino.arch;

import com.tngtech.archunit.base.DescribedPredicate;

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
        for (String module : new String[] {"common", "model", "ipam", "db", "schema", "policy", "ovsdb", "keystone",
                "engine", "ml2", "ext", "ovn", "nova", "server"}) {
            assertThat(packages).as("the classes of module %s are on the test classpath", module)
                    .contains(ROOT + "." + module);
        }
        assertThat(packages).noneMatch(p -> p.startsWith(FIXTURES));
        assertThat(packages).as("test classes are not checked").noneMatch(p -> p.equals(ArchitectureTest.class.getPackageName()));
    }

    @Test
    void noPackageCycles() {
        // the schema module is jOOQ's generated code, whose fixed layout (DefaultSchema <-> tables) refers
        // both ways; nobody edits it, and its cycle cannot spread: nothing generated depends on our code
        ArchRules.noPackageCycles(ROOT).check(classes.that(DescribedPredicate.not(
                JavaClass.Predicates.resideInAPackage(ROOT + ".schema.."))));
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
    void novaDependsOnlyOnMl2AndKeystone() {
        ArchRules.novaUsesOnlyMl2AndKeystone(ROOT).check(classes);
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
