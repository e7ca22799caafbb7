package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The URLs clients use (neutronclient, openstacksdk, tempest): extension collections have hyphens. */
class PathsTest extends ApiTest {
    @Test
    void extensionCollectionsAreServedWithHyphens() {
        for (String collection : new String[] {"security-groups", "security-group-rules", "rbac-policies",
            "address-scopes"}) {
            Resp r = api.get("/v2.0/" + collection).expect(200);
            assertThat(r.json().has(collection.replace('-', '_'))).as(r.body()).isTrue();
        }
        Resp sg = api.post("/v2.0/security-groups", obj("security_group", obj("name", "h"))).expect(201);
        api.get("/v2.0/security-groups/" + sg.text("/security_group/id")).expect(200);
    }
}
