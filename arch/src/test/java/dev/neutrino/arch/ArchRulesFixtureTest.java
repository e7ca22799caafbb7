package dev.neutrino.arch;

import static dev.neutrino.arch.ProductionClasses.FIXTURES;
import static dev.neutrino.arch.ProductionClasses.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchRules} fails on fixture classes that break it (under {@code dev.neutrino.archfixture},
 * excluded from the real check) and reports only what breaks it, not the allowed dependencies next to it.
 */
class ArchRulesFixtureTest {
    private static final String CYCLES = FIXTURES + ".cycles";
    private static final String LAYERS = FIXTURES + ".layers";
    private static final String EXTS = FIXTURES + ".exts";
    private static final String LOCATOR = FIXTURES + ".locator";

    private static JavaClasses fixtures(String pkg) {
        return new ClassFileImporter().importPackages(pkg);
    }

    /** The rule's violations on the fixtures, one string; asserts the failure names its rule. */
    private static String violations(ArchRule rule, String pkg, String ruleName) {
        JavaClasses classes = fixtures(pkg);
        assertThat(classes).isNotEmpty();
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("because of " + ruleName);
        return String.join("\n", rule.evaluate(classes).getFailureReport().getDetails());
    }

    @Test
    void ruleA_theRealCycleRuleCatchesAPackageAndItsSubpackage() {
        // the very rule ArchitectureTest checks, over the fixtures instead of the production classes
        String found = violations(ArchRules.noPackageCycles(ROOT), CYCLES, "rule a");
        assertThat(found).contains("archfixture.cycles.parent", "archfixture.cycles.parent.child", "Parent", "Child")
                .doesNotContain("oneway");
    }

    @Test
    void ruleA_aOneWayDependencyOnASubpackageIsNoCycle() {
        assertThat(ArchRules.noPackageCycles(ROOT).evaluate(fixtures(CYCLES + ".oneway")).hasViolation()).isFalse();
    }

    @Test
    void ruleB_engine() {
        String found = violations(ArchRules.engineIsInnermost(LAYERS), LAYERS, "rule b");
        assertThat(found).contains("Engine.driver").hasLineCount(1);
    }

    @Test
    void ruleB_ml2() {
        String found = violations(ArchRules.ml2KnowsNoDrivers(LAYERS), LAYERS, "rule b");
        assertThat(found).contains("Driver.server").doesNotContain("Driver.context").hasLineCount(1);
    }

    @Test
    void ruleB_ovnAndExtensions() {
        String found = violations(ArchRules.ovnUsesNoExtensions(LAYERS), LAYERS, "rule b");
        assertThat(found).contains("OvnSync.qos").hasLineCount(1);
    }

    @Test
    void ruleB_ovnUsesOnlyRequestContextOfTheEngine() {
        String found = violations(ArchRules.ovnUsesOnlyRequestContextOfEngine(LAYERS), LAYERS, "rule b");
        assertThat(found).contains("OvnSync.engine").doesNotContain("allowedContext").hasLineCount(1);
    }

    @Test
    void ruleB_nova() {
        String found = violations(ArchRules.novaUsesOnlyMl2AndKeystone(LAYERS), LAYERS, "rule b");
        assertThat(found).contains("Notifier.engine").doesNotContain("Notifier.core", "Notifier.strings")
                .hasLineCount(1);
    }

    @Test
    void ruleB_ovsdb() {
        String found = violations(ArchRules.ovsdbIsStandalone(LAYERS), LAYERS, "rule b");
        assertThat(found).contains("Client.def").doesNotContain("Client.codec", "Client.strings").hasLineCount(1);
    }

    @Test
    void ruleC_anExtensionUsesOnlyTheDeclarationsOfAnother() {
        String found = violations(ArchRules.extensionsUseOnlyDeclarationsOfOthers(EXTS), EXTS, "rule c");
        assertThat(found).contains("extension 'b' uses behaviour of extension 'a'", "BHooks.afterCreate()",
                "AInternals.apply()");
        assertThat(found.lines()).allMatch(line -> line.contains("AInternals"));
        assertThat(found).doesNotContain("Extensions.a", "AExtension", "ATables", "AView", "AResources", "BHelper");
    }

    @Test
    void ruleC_extensionOfAPackage() {
        assertThat(ArchRules.extensionOf("dev.neutrino.ext", "dev.neutrino.ext.qos.api")).hasValue("qos");
        assertThat(ArchRules.extensionOf("dev.neutrino.ext", "dev.neutrino.ext.qos")).hasValue("qos");
        assertThat(ArchRules.extensionOf("dev.neutrino.ext", "dev.neutrino.ext")).isEmpty();
        assertThat(ArchRules.extensionOf("dev.neutrino.ext", "dev.neutrino.extra")).isEmpty();
    }

    @Test
    void ruleD_onlyTheServerLooksUpServicesByName() {
        String found = violations(ArchRules.noServiceLocator(LOCATOR), LOCATOR, "rule d");
        assertThat(found).contains("Sync.run(", "App.service(java.lang.String)").doesNotContain("Wiring", "service(int)")
                .hasLineCount(2); // the call and the method reference
    }
}
