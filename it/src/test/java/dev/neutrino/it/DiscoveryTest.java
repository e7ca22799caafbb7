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
    }

    @Test
    void v2ListsTheCoreResourcesWithLinks() {
        for (String path : List.of("/v2.0/", "/v2.0")) {
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
