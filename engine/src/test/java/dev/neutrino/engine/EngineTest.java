package dev.neutrino.engine;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.RuleDefault;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The engine builds its resources, list of extensions and actions from declarations alone. */
class EngineTest {
    static final ResourceDef WIDGETS = ResourceDef.builder("widget", "widgets").name().project().standard().build();
    static final ResourceDef GADGETS = ResourceDef.builder("gadget", "gadgets").path("gad-gets").project().build();

    static final ExtensionDef COLOR = ExtensionDef.builder("widget-color", "Widget color", "Colors.", "2026-01-01T00:00:00-00:00")
            .attributes("widgets", string("color").post("red").put().validate(Validators.string(16)))
            .build();
    static final ExtensionDef GADGET = ExtensionDef.builder("gadget", "Gadget", "Gadgets.", "2026-01-01T00:00:00-00:00")
            .resource(GADGETS)
            .attributes("widgets", bool("gadgeted").computed())
            .action("gadgets", "polish")
            .policy(RuleDefault.of("get_gadget", "rule:admin_or_owner", "Get a gadget", "GET", "/gadgets/{id}"))
            .policy(RuleDefault.of("create_gadget", "rule:admin_or_owner", "Create a gadget", "POST", "/gadgets"))
            .policy(RuleDefault.of("delete_gadget", "rule:admin_or_owner", "Delete a gadget", "DELETE", "/gadgets/{id}"))
            .policy(RuleDefault.of("polish", "rule:admin_only", "Polish a gadget", "PUT", "/gadgets/{id}/polish"))
            .build();
    /** Widgets are "core" here: their rules come with the policy, as Zed's do for networks. */
    static final Policy POLICY = Policy.builder().defaults(List.of(
            RuleDefault.of("get_widget", "rule:admin_or_owner", "Get a widget", "GET", "/widgets/{id}"),
            RuleDefault.of("create_widget", "rule:admin_or_owner", "Create a widget", "POST", "/widgets"),
            RuleDefault.of("update_widget", "rule:admin_or_owner", "Update a widget", "PUT", "/widgets/{id}"),
            RuleDefault.of("delete_widget", "rule:admin_or_owner", "Delete a widget", "DELETE", "/widgets/{id}")))
            .build();
    static final ResourceDef KITS = ResourceDef.builder("kit", "kits").path("shop/kits").project().build();
    static final ExtensionDef KIT = ExtensionDef.builder("kit", "Kit", "Kits under a prefix.", "2026-01-01T00:00:00-00:00")
            .resource(KITS)
            .policy(RuleDefault.of("get_kit", "rule:admin_or_owner", "Get a kit", "GET", "/shop/kits/{id}"))
            .policy(RuleDefault.of("create_kit", "rule:admin_or_owner", "Create a kit", "POST", "/shop/kits"))
            .policy(RuleDefault.of("delete_kit", "rule:admin_or_owner", "Delete a kit", "DELETE", "/shop/kits/{id}"))
            .build();
    static final ExtensionDef SHINY = ExtensionDef.builder("shiny", "Shiny", "Needs gadgets.", "2026-01-01T00:00:00-00:00")
            .requires("gadget")
            .build();

    static Engine engine(List<ExtensionDef> declared, Predicate<String> enabled) {
        return new Engine(List.of(WIDGETS), declared, enabled, null, null, POLICY);
    }

    @Test
    void aResourceHasItsOwnAttributesAndThoseOfEveryEnabledExtensionTaggedWithItsAlias() {
        Engine e = engine(List.of(COLOR, GADGET), a -> true);
        ResourceDef widgets = e.service(WIDGETS).def();
        assertThat(widgets.has("name")).isTrue();
        assertThat(widgets.attribute("color").extensionAlias()).isEqualTo("widget-color");
        assertThat(widgets.attribute("gadgeted").extensionAlias()).isEqualTo("gadget");
        assertThat(e.serviceAt("gad-gets").def().collection()).isEqualTo("gadgets");
        assertThat(e.extensions()).extracting(ExtensionDef::alias).containsExactly("widget-color", "gadget");
    }

    @Test
    void aDisabledExtensionIsNotListedAndTakesItsAttributesAndResourcesAway() {
        Engine e = engine(List.of(COLOR, GADGET), a -> !a.equals("widget-color"));
        assertThat(e.service(WIDGETS).def().has("color")).isFalse();
        assertThat(e.service(WIDGETS).def().has("gadgeted")).isTrue();
        assertThat(e.extensions()).extracting(ExtensionDef::alias).containsExactly("gadget");

        Engine noGadgets = engine(List.of(COLOR, GADGET), a -> !a.equals("gadget"));
        assertThat(noGadgets.serviceAt("gad-gets")).isNull();
        assertThatThrownBy(() -> noGadgets.service(GADGETS)).hasMessageContaining("gadgets is not declared");
    }

    @Test
    void declarationsAreCheckedWhenTheEngineIsBuilt() {
        assertThatThrownBy(() -> engine(List.of(COLOR, COLOR), a -> true))
                .hasMessageContaining("widget-color is declared twice");
        assertThatThrownBy(() -> engine(List.of(SHINY), a -> true))
                .hasMessageContaining("shiny requires gadget, which is not declared");
        assertThatThrownBy(() -> engine(List.of(GADGET, SHINY), a -> !a.equals("gadget")))
                .hasMessageContaining("shiny requires gadget, which is not enabled");
        ExtensionDef stray = ExtensionDef.builder("stray", "Stray", "On nothing.", "2026-01-01T00:00:00-00:00")
                .attributes("sprockets", string("size")).build();
        assertThatThrownBy(() -> engine(List.of(stray), a -> true))
                .hasMessageContaining("stray extends sprockets, which no enabled extension declares");
        ExtensionDef paint = ExtensionDef.builder("paint", "Paint", "Colors again.", "2026-01-01T00:00:00-00:00")
                .attributes("widgets", string("color")).build();
        assertThatThrownBy(() -> engine(List.of(COLOR, paint), a -> true))
                .hasMessageContaining("extension paint adds widgets.color, which is already declared");
        ExtensionDef rename = ExtensionDef.builder("rename", "Rename", "Names again.", "2026-01-01T00:00:00-00:00")
                .attributes("widgets", string("name")).build();
        assertThatThrownBy(() -> engine(List.of(rename), a -> true))
                .hasMessageContaining("extension rename adds widgets.name, which is already declared");
    }

    @Test
    void everyDeclaredResourceAndActionNeedsItsPolicyRulesWhichAnExtensionMayDeclare() {
        Engine e = engine(List.of(GADGET), a -> true);
        assertThat(e.policy().hasRule("get_gadget")).isTrue();
        assertThat(e.policy().effectiveCheck("polish")).isEqualTo("rule:admin_only");
        assertThat(POLICY.hasRule("get_gadget")).as("the declared rules come with the extension").isFalse();

        ExtensionDef bare = ExtensionDef.builder("bare", "Bare", "No rules.", "2026-01-01T00:00:00-00:00")
                .resource(ResourceDef.builder("sprocket", "sprockets").project().build()).build();
        assertThatThrownBy(() -> engine(List.of(bare), a -> true))
                .hasMessageContaining("resource sprockets has no policy rule get_sprocket");
        assertThatThrownBy(() -> new Engine(List.of(WIDGETS), List.of(), a -> true, null, null, Policy.defaults()))
                .hasMessageContaining("resource widgets has no policy rule get_widget");
        ExtensionDef clash = ExtensionDef.builder("clash", "Clash", "Redefines.", "2026-01-01T00:00:00-00:00")
                .policy(RuleDefault.of("get_network", "@", "Everyone", "GET", "/networks/{id}")).build();
        assertThatThrownBy(() -> engine(List.of(clash), a -> true))
                .hasMessageContaining("policy default get_network is declared twice, differently");
    }

    @Test
    void onlyDeclaredActionsCanBeHandledAndUnhandledOnesAreReported() {
        Engine e = engine(List.of(GADGET), a -> true);
        assertThat(e.unhandledActions()).containsExactly("gadgets/polish");
        MemberAction polish = (ctx, id, body) -> Map.of("polished", id);
        e.handle(GADGET.actions().get(0), polish);
        assertThat(e.unhandledActions()).isEmpty();
        assertThat(e.action("gad-gets", "polish")).isSameAs(polish);
        assertThat(e.action(GADGET.actions().get(0))).isSameAs(polish);
        assertThatThrownBy(() -> e.handle(new ExtensionDef.Action("gadgets", "scratch"), polish))
                .hasMessageContaining("gadgets/scratch is not declared");
    }

    @Test
    void endpointsCannotShadowResourcesOrEachOther() {
        Engine e = engine(List.of(GADGET), a -> true);
        Endpoint hello = (req, seg) -> ApiResponse.ok(Map.of("hello", "world"));
        e.endpoint("hellos", hello);
        assertThat(e.endpoint("hellos")).isSameAs(hello);
        assertThatThrownBy(() -> e.endpoint("hellos", hello)).hasMessageContaining("served twice");
        assertThatThrownBy(() -> e.endpoint("gad-gets", hello)).hasMessageContaining("is a resource");
    }

    @Test
    void aSubResourceEndpointAnswersBelowEachMemberAndWritesTellTheCommitListeners() {
        Engine e = engine(List.of(GADGET), a -> true);
        Endpoint parts = (req, seg) -> ApiResponse.ok(Map.of("gadget_id", seg[2], "rest", List.of(seg).subList(3, seg.length)));
        e.subEndpoint(GADGETS, "parts", parts);
        assertThat(e.subEndpoint("gad-gets", "parts")).isSameAs(parts);
        assertThat(e.subEndpoint("gadgets", "parts")).as("by URL path, as routed").isNull();
        assertThatThrownBy(() -> e.subEndpoint(GADGETS, "parts", parts)).hasMessageContaining("served twice");
        assertThatThrownBy(() -> e.subEndpoint(GADGETS, "polish", parts)).hasMessageContaining("is an action");
        assertThatThrownBy(() -> e.subEndpoint(WIDGETS, "tags", parts)).hasMessageContaining("is an action or tags");

        java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
        e.onCommitted(committed::incrementAndGet);
        NeutronApi api = new NeutronApi(e);
        ApiResponse got = api.handle(new ApiRequest("GET", "/v2.0/gad-gets/g1/parts/p1", Map.of(), null, null,
                RequestContext.admin(null), "http://test"));
        assertThat(got.body()).isEqualTo(Map.of("gadget_id", "g1", "rest", List.of("parts", "p1")));
        assertThat(committed).hasValue(0);
        api.handle(new ApiRequest("POST", "/v2.0/gad-gets/g1/parts", Map.of(), Map.of(), null,
                RequestContext.admin(null), "http://test"));
        assertThat(committed).hasValue(1);
    }

    @Test
    void theExtensionsDocumentListsTheEnabledDeclarationsByAlias() {
        Engine e = engine(List.of(GADGET, COLOR), a -> true);
        ApiResponse r = new NeutronApi(e).handle(new ApiRequest("GET", "/v2.0/extensions", Map.of(), null, null,
                RequestContext.admin(null), "http://test"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) ((Map<String, Object>) r.body()).get("extensions");
        assertThat(listed).extracting(m -> m.get("alias")).containsExactly("gadget", "widget-color");
        assertThat(listed.get(0)).containsEntry("name", "Gadget").containsEntry("description", "Gadgets.")
                .containsKeys("updated", "links");
        assertThat(Set.copyOf(listed.get(0).keySet())).hasSize(5);
    }

    @Test
    void aPathUnderAPrefixIsRoutedAsOneSegment() {
        Engine e = engine(List.of(KIT), a -> true);
        Endpoint parts = (req, seg) -> ApiResponse.ok(Map.of("seg", List.of(seg)));
        e.subEndpoint(KITS, "parts", parts);
        e.endpoint("shop/kinds", (req, seg) -> ApiResponse.ok(Map.of("seg", List.of(seg))));
        NeutronApi api = new NeutronApi(e);
        ApiResponse sub = api.handle(new ApiRequest("GET", "/v2.0/shop/kits/k1/parts/p1", Map.of(), null, null,
                RequestContext.admin(null), "http://test"));
        assertThat(sub.body()).isEqualTo(Map.of("seg", List.of("v2.0", "shop/kits", "k1", "parts", "p1")));
        ApiResponse top = api.handle(new ApiRequest("GET", "/v2.0/shop/kinds/x", Map.of(), null, null,
                RequestContext.admin(null), "http://test"));
        assertThat(top.body()).isEqualTo(Map.of("seg", List.of("v2.0", "shop/kinds", "x")));
        assertThatThrownBy(() -> api.handle(new ApiRequest("GET", "/v2.0/shop", Map.of(), null, null,
                RequestContext.admin(null), "http://test"))).hasMessageContaining("could not be found");
        assertThatThrownBy(() -> api.handle(new ApiRequest("GET", "/v2.0/shop/other", Map.of(), null, null,
                RequestContext.admin(null), "http://test"))).hasMessageContaining("could not be found");
    }
}
