package dev.neutrino.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version document, the v2.0 resource list and the extensions (tempest test_versions, test_extensions). */
class DiscoveryTest extends ApiTest {

    @Test
    void rootListsTheV2Version() {
        Resp r = api.get("/").expect(200);
        JsonNode versions = r.at("/versions");
        assertThat(versions.size()).isEqualTo(1);
        JsonNode v = versions.get(0);
        assertThat(v.path("id").asText()).isEqualTo("v2.0");
        assertThat(v.path("status").asText()).isEqualTo("CURRENT");
        assertThat(v.path("links").get(0).path("rel").asText()).isEqualTo("self");
        assertThat(v.path("links").get(0).path("href").asText()).isEqualTo(api.base() + "/v2.0/");
        // beside Neutron's keys, the server's release; the document has no other top-level key (tempest
        // takes each top-level value for a list of versions)
        assertThat(v.path("build").asText()).matches("neutrino \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(r.json().size()).isEqualTo(1);
    }

    @Test
    void v2ListsTheCoreResourcesWithLinks() {
        for (String path : List.of("/v2.0/")) {
            Resp r = api.get(path).expect(200);
            List<String> names = new ArrayList<>();
            for (JsonNode res : r.at("/resources")) {
                String name = res.path("name").asText();
                names.add(name);
                assertThat(res.path("links").get(0).path("rel").asText()).isEqualTo("self");
                if (List.of("network", "subnet", "port", "subnetpool").contains(name)) {
                    // the core resources neutron lists: collection and URL are the same word
                    String collection = res.path("collection").asText();
                    assertThat(collection).isEqualTo(name + "s");
                    assertThat(res.path("links").get(0).path("href").asText())
                            .isEqualTo(api.base() + "/v2.0/" + collection);
                }
            }
            assertThat(names).as(path).contains("network", "subnet", "port", "subnetpool");
        }
    }

    @Test
    void extensionCollectionsAreServedWithHyphens() {
        // the URLs neutronclient, openstacksdk and tempest use; the JSON keys keep the underscores
        for (String collection : List.of("security-groups", "security-group-rules", "rbac-policies",
                "address-scopes")) {
            Resp r = api.get("/v2.0/" + collection).expect(200);
            assertThat(r.json().has(collection.replace('-', '_'))).as(r.body()).isTrue();
        }
        Resp sg = api.post("/v2.0/security-groups", J.obj("security_group", J.obj("name", "h"))).expect(201);
        api.get("/v2.0/security-groups/" + sg.text("/security_group/id")).expect(200);
        api.get("/v2.0/security_groups").expect(404);
    }

    @Test
    void v2WithoutTrailingSlashIs404() {
        // neutron functional test TestV2Controller.test_get_no_trailing_slash
        api.get("/v2.0").expect(404);
    }

    @Test
    void documentsAreReadOnly() {
        // neutron functional tests TestRootController / TestV2Controller / TestExtensionsController.test_methods
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (var e : java.util.Map.of("/", 405, "/v2.0/", 405, "/v2.0/extensions", 404).entrySet()) {
                Resp r = api.send(method, e.getKey(), null, java.util.Map.of());
                soft.assertThat(r.status()).as("%s %s", method, e.getKey()).isEqualTo(e.getValue());
            }
        }
        soft.assertAll();
    }

    @Test
    void jsonSuffixIsAccepted() {
        String id = createNetworkId("j");
        assertThat(ids(api.get("/v2.0/networks.json?project_id=" + project).expect(200).at("/networks")))
                .containsExactly(id);
        assertThat(api.get("/v2.0/networks/" + id + ".json").expect(200).text("/network/id")).isEqualTo(id);
        assertThat(api.get("/v2.0/extensions.json").expect(200).at("/extensions").size()).isPositive();
        assertThat(api.get("/v2.0/quotas/" + project + "/default.json").expect(200).at("/quota/network").asInt())
                .isEqualTo(100);
    }

    @Test
    void unknownPathsAre404() {
        api.get("/v3.0/networks").expect(404);
        api.get("/v2.0/no-such-collection").expect(404);
    }

    @Test
    void extensionsAreListedWithTheirAttributes() {
        Resp r = api.get("/v2.0/extensions").expect(200);
        List<String> aliases = new ArrayList<>();
        for (JsonNode e : r.at("/extensions")) {
            aliases.add(e.path("alias").asText());
            for (String f : List.of("name", "alias", "description", "updated")) {
                assertThat(e.path(f).isTextual()).as("%s of %s", f, e).isTrue();
            }
            assertThat(e.path("links").isArray()).as("links of %s", e).isTrue();
        }
        assertThat(aliases).doesNotHaveDuplicates()
                .contains("security-group", "quotas", "rbac-policies", "standard-attr-tag", "pagination",
                        "sorting", "revision-if-match", "net-mtu", "external-net", "project-id");
    }

    @Test
    void oneExtensionByAlias() {
        Resp r = api.get("/v2.0/extensions/security-group").expect(200);
        assertThat(r.text("/extension/alias")).isEqualTo("security-group");
        assertThat(r.text("/extension/name")).isNotBlank();
        assertThat(api.get("/v2.0/extensions/quotas").expect(200).text("/extension/alias")).isEqualTo("quotas");
    }

    @Test
    void unknownExtensionIs404() {
        api.get("/v2.0/extensions/no-such-extension").expect(404);
    }
}
