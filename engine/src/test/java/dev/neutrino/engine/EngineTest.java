package dev.neutrino.engine;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import dev.neutrino.policy.Policy;
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
            .build();
    static final ExtensionDef SHINY = ExtensionDef.builder("shiny", "Shiny", "Needs gadgets.", "2026-01-01T00:00:00-00:00")
            .requires("gadget")
            .build();

    static Engine engine(List<ExtensionDef> declared, Predicate<String> enabled) {
        return new Engine(List.of(WIDGETS), declared, enabled, null, null, Policy.defaults());
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
}
