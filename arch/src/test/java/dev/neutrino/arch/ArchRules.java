package dev.neutrino.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The architecture rules, each a function of the root package: {@code "dev.neutrino"} for the real
 * code ({@link ArchitectureTest}), a package under {@code dev.neutrino.archfixture} for the fixtures
 * that show each rule can fail ({@link ArchRulesFixtureTest}). Rules over packages that do not exist
 * (yet) pass: {@code allowEmptyShould(true)}.
 */
final class ArchRules {
    private ArchRules() {
    }

    /** Rule a: no cycles between packages; every package is its own slice. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("of rule a (no package cycles): packages that depend on each other, a package and its"
                        + " subpackage included, can only be understood, tested and moved together. Make the"
                        + " dependency point one way: move the types both sides use (exceptions, small"
                        + " interfaces) into a package of their own, or move a class to the package that uses it");
    }

    /** Rule b: the engine knows none of the layers that plug into it. */
    static ArchRule engineIsInnermost(String root) {
        return noClasses().that().resideInAPackage(root + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".ml2..", root + ".ext..", root + ".ovn..", root + ".server..")
                .allowEmptyShould(true)
                .because("of rule b (layering): the engine is the generic resource machinery; ML2, the"
                        + " extensions, OVN and the HTTP server plug into it, never the other way round."
                        + " Declare what the engine needs as an interface in the engine and implement it outside");
    }

    /** Rule b: ML2 knows neither the extensions, OVN nor the server. */
    static ArchRule ml2KnowsNoDrivers(String root) {
        return noClasses().that().resideInAPackage(root + ".ml2..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".ext..", root + ".ovn..", root + ".server..")
                .allowEmptyShould(true)
                .because("of rule b (layering): ML2 declares the driver interfaces that OVN and the extensions"
                        + " implement; it must not know its implementations or the HTTP server. Move the shared"
                        + " type into the ml2 (or engine) package");
    }

    /** Rule b: OVN does not use the extensions. */
    static ArchRule ovnUsesNoExtensions(String root) {
        return noClasses().that().resideInAPackage(root + ".ovn..")
                .should().dependOnClassesThat().resideInAPackage(root + ".ext..")
                .allowEmptyShould(true)
                .because("of rule b (layering): OVN maps Neutron resources to northbound rows through ML2's"
                        + " interfaces; it must not depend on an extension. Read the extension's attributes from"
                        + " the resource, or give ML2 the interface OVN needs");
    }

    /** Rule b: of the engine, OVN uses RequestContext only. */
    static ArchRule ovnUsesOnlyRequestContextOfEngine(String root) {
        return noClasses().that().resideInAPackage(root + ".ovn..")
                .should().dependOnClassesThat(resideInAPackage(root + ".engine..")
                        .and(not(simpleName("RequestContext"))))
                .allowEmptyShould(true)
                .because("of rule b (layering): OVN is an ML2 mechanism driver; of the engine it may use only"
                        + " RequestContext. Get anything else through ML2's driver interfaces or a component"
                        + " passed to its constructor");
    }

    /** Rule b: the Nova notifier hears ML2's core plugin and talks to Keystone and Nova, nothing more. */
    static ArchRule novaUsesOnlyMl2AndKeystone(String root) {
        return noClasses().that().resideInAPackage(root + ".nova..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(resideOutsideOfPackages(root + ".nova..", root + ".common..", root + ".ml2..",
                                root + ".keystone..")))
                .allowEmptyShould(true)
                .because("of rule b (layering): the Nova notifier follows committed changes through ML2's"
                        + " CorePlugin and calls Nova as a Keystone client; it must not reach into the engine,"
                        + " the extensions, OVN or the server. Give CorePlugin what it needs instead");
    }

    /** Rule b: ovsdb is a library of its own. */
    static ArchRule ovsdbIsStandalone(String root) {
        return noClasses().that().resideInAPackage(root + ".ovsdb..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(resideOutsideOfPackages(root + ".ovsdb..", root + ".common..")))
                .allowEmptyShould(true)
                .because("of rule b (layering): ovsdb is a general OVSDB client library; besides itself it may"
                        + " use only common, never Neutron's model, engine or OVN mapping");
    }

    /**
     * Rule c: a class of extension A ({@code <root>.ext.A..}) may use a class of another extension B only if
     * that class is one of B's declarations: its (top-level) class is annotated
     * {@code @dev.neutrino.model.Declaration} or its simple name ends in {@code Extension} or
     * {@code Tables}, or it resides in B's {@code api} subpackage ({@code <root>.ext.B.api..}). The
     * registration list, the package {@code <root>.ext} itself, may use everything.
     */
    static ArchRule extensionsUseOnlyDeclarationsOfOthers(String root) {
        String ext = root + ".ext";
        return classes().that().resideInAPackage(ext + "..").and().resideOutsideOfPackage(ext)
                .should(useOtherExtensionsOnlyThroughDeclarations(ext))
                .allowEmptyShould(true)
                .because("of rule c (extension boundaries): an extension may use another extension's"
                        + " declarations only (a class marked @Declaration or named *Extension or *Tables,"
                        + " or one in the other extension's 'api' subpackage), never its behaviour. Move what both need into that"
                        + " api subpackage, or connect the two in " + ext + " (the registration list)");
    }

    /** Marks a class of pure declarations that other extensions may import. */
    static final String DECLARATION = "dev.neutrino.model.Declaration";

    /** The extension a package belongs to: the segment after {@code <extRoot>.}, if any. */
    static Optional<String> extensionOf(String extRoot, String packageName) {
        if (!packageName.startsWith(extRoot + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(extRoot.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isDeclaration(String extRoot, String extension, JavaClass target) {
        JavaClass top = target;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        String name = top.getSimpleName();
        if (name.endsWith("Extension") || name.endsWith("Tables") || top.isAnnotatedWith(DECLARATION)) {
            return true;
        }
        String api = extRoot + "." + extension + ".api";
        return target.getPackageName().equals(api) || target.getPackageName().startsWith(api + ".");
    }

    private static ArchCondition<JavaClass> useOtherExtensionsOnlyThroughDeclarations(String extRoot) {
        return new ArchCondition<>("use another extension only through its declarations") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = extensionOf(extRoot, origin.getPackageName());
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> to = extensionOf(extRoot, target.getPackageName());
                    if (to.isEmpty() || to.equals(from) || isDeclaration(extRoot, to.get(), target)) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, "extension '" + from.get()
                            + "' uses behaviour of extension '" + to.get() + "': " + dependency.getDescription()));
                }
            }
        };
    }

    /** Rule d: nobody but the server looks a service up by name. */
    static ArchRule noServiceLocator(String root) {
        return classes().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".server..")
                .should(notLookUpServicesByName())
                .allowEmptyShould(true)
                .because("of rule d (no service locator): a component gets what it uses through its"
                        + " constructor, so its dependencies are visible and it can be built in a test;"
                        + " service(\"ports\") hides them. Take the ResourceService (or a narrower interface) as a"
                        + " constructor parameter; only " + root + ".server, which wires everything, may look up");
    }

    private static ArchCondition<JavaClass> notLookUpServicesByName() {
        return new ArchCondition<>("not call (or take a reference to) a method service(String)") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                List<JavaCodeUnitAccess<?>> accesses = new ArrayList<>(origin.getMethodCallsFromSelf());
                accesses.addAll(origin.getMethodReferencesFromSelf());
                for (JavaCodeUnitAccess<?> access : accesses) {
                    CodeUnitAccessTarget target = access.getTarget();
                    List<String> parameters = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
                    if (target.getName().equals("service") && parameters.equals(List.of(String.class.getName()))) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }
}
