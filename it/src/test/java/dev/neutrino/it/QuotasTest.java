package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quotas extension (neutron/extensions/quotasv2.py, quota_details, db/quota/driver*.py). */
class QuotasTest extends ApiTest {
    static final Map<String, Integer> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("network", 100);
        DEFAULTS.put("subnet", 100);
        DEFAULTS.put("port", 500);
        DEFAULTS.put("security_group", 10);
        DEFAULTS.put("security_group_rule", 100);
        DEFAULTS.put("router", 10);
        DEFAULTS.put("floatingip", 50);
        DEFAULTS.put("rbac_policy", 10);
        DEFAULTS.put("subnetpool", -1);
    }

    private JsonNode quota() {
        return api.get("/v2.0/quotas/" + project).expect(200).at("/quota");
    }

    private int networkCount() {
        return api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks").size();
    }

    @Test
    void defaults() {
        JsonNode q = quota();
        DEFAULTS.forEach((k, v) -> assertThat(q.path(k).asInt(Integer.MIN_VALUE)).as(k).isEqualTo(v));
        JsonNode d = api.get("/v2.0/quotas/" + project + "/default").expect(200).at("/quota");
        DEFAULTS.forEach((k, v) -> assertThat(d.path(k).asInt(Integer.MIN_VALUE)).as(k).isEqualTo(v));
    }

    @Test
    void updateSetsLimits() {
        JsonNode u = api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 5, "port", 20))).expect(200)
                .at("/quota");
        assertThat(u.path("network").asInt()).isEqualTo(5);
        assertThat(u.path("port").asInt()).isEqualTo(20);
        assertThat(u.path("subnet").asInt()).isEqualTo(100);
        JsonNode q = quota();
        assertThat(q.path("network").asInt()).isEqualTo(5);
        assertThat(q.path("port").asInt()).isEqualTo(20);
        assertThat(q.path("router").asInt()).isEqualTo(10);
        // the defaults document does not change
        assertThat(api.get("/v2.0/quotas/" + project + "/default").expect(200).at("/quota/network").asInt())
                .isEqualTo(100);
        // another project keeps the defaults
        assertThat(api.get("/v2.0/quotas/" + newProjectId()).expect(200).at("/quota/network").asInt())
                .isEqualTo(100);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", "7"))).expect(200);
        assertThat(quota().path("network").asInt()).isEqualTo(7);
    }

    @Test
    void detailsShowUsage() {
        createNetwork("a");
        createNetwork("b");
        JsonNode d = api.get("/v2.0/quotas/" + project + "/details").expect(200).at("/quota");
        assertThat(d.path("network").path("limit").asInt()).isEqualTo(100);
        assertThat(d.path("network").path("used").asInt()).isEqualTo(2);
        assertThat(d.path("network").path("reserved").asInt()).isZero();
        assertThat(d.path("port").path("used").asInt()).isZero();
        assertThat(d.path("subnetpool").path("limit").asInt()).isEqualTo(-1);
        assertThat(api.get("/v2.0/quotas/" + project + "/details.json").expect(200).at("/quota/network/used")
                .asInt()).isEqualTo(2);
    }

    @Test
    void overQuotaIs409AndCreatesNothing() {
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 2))).expect(200);
        createNetwork("a");
        api.post("/v2.0/networks", obj("networks", arr(obj("name", "b"), obj("name", "c")))).expectError(409,
                "OverQuota");
        assertThat(networkCount()).isEqualTo(1);
        createNetwork("b");
        Resp r = api.post("/v2.0/networks", obj("network", obj("name", "c"))).expectError(409, "OverQuota");
        assertThat(r.errorMessage()).contains("network");
        assertThat(networkCount()).isEqualTo(2);
        // another project is not affected
        server.as(newProjectId()).post("/v2.0/networks", obj("network", obj("name", "x"))).expect(201);
    }

    @Test
    void zeroAndUnlimited() {
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 0))).expect(200);
        api.post("/v2.0/networks", obj("network", obj("name", "x"))).expectError(409, "OverQuota");
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", -1))).expect(200);
        createNetwork("x");
        assertThat(networkCount()).isEqualTo(1);
    }

    @Test
    void securityGroupQuotaCountsTheDefaultGroup() {
        String groups = SecurityGroupsTest.GROUPS;
        api.put("/v2.0/quotas/" + project, obj("quota", obj("security_group", 1))).expect(200);
        api.get(groups).expect(200);
        api.post(groups, obj("security_group", obj("name", "extra"))).expectError(409, "OverQuota");
        JsonNode sgs = api.get(groups + "?project_id=" + project).expect(200).at("/security_groups");
        assertThat(values(sgs, "name")).containsExactly("default");
    }

    @Test
    void deleteResetsToDefaults() {
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 3, "rbac_policy", 1))).expect(200);
        api.delete("/v2.0/quotas/" + project).expect(204);
        JsonNode q = quota();
        DEFAULTS.forEach((k, v) -> assertThat(q.path(k).asInt(Integer.MIN_VALUE)).as(k).isEqualTo(v));
        JsonNode all = api.get("/v2.0/quotas").expect(200).at("/quotas");
        assertThat(values(all, "project_id")).doesNotContain(project);
    }

    @Test
    void listShowsProjectsWithOverrides() {
        String untouched = newProjectId();
        api.get("/v2.0/quotas/" + untouched).expect(200);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("subnet", 42))).expect(200);
        JsonNode all = api.get("/v2.0/quotas").expect(200).at("/quotas");
        JsonNode mine = null;
        for (JsonNode q : all) if (q.path("project_id").asText().equals(project)) mine = q;
        assertThat(mine).as("%s in %s", project, all).isNotNull();
        assertThat(mine.path("tenant_id").asText()).isEqualTo(project);
        assertThat(mine.path("subnet").asInt()).isEqualTo(42);
        assertThat(mine.path("network").asInt()).isEqualTo(100);
        assertThat(values(all, "project_id")).doesNotContain(untouched);
    }

    @Test
    void tenantAndProjectOfTheCaller() {
        assertThat(api.get("/v2.0/quotas/tenant").expect(200).text("/tenant/tenant_id")).isEqualTo(project);
        assertThat(api.get("/v2.0/quotas/project").expect(200).text("/project/project_id")).isEqualTo(project);
    }

    @Test
    void invalidUpdatesAre400AndChangeNothing() {
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", "abc"))).expectError(400, null);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("bogus", 1))).expectError(400, null);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", -2))).expectError(400, null);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 5, "port", "x"))).expectError(400, null);
        api.put("/v2.0/quotas/" + project, obj("network", 5)).expectError(400, null);
        assertThat(quota().path("network").asInt()).isEqualTo(100);
        assertThat(api.get("/v2.0/quotas").expect(200).at("/quotas").toString()).doesNotContain(project);
    }

    @Test
    void forceAndCheckLimitAreAccepted() {
        // openstackclient sends "force": true (quota set --force); neutron pops force and check_limit
        createNetwork("a");
        createNetwork("b");
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 1, "force", true))).expect(200);
        assertThat(quota().path("network").asInt()).isEqualTo(1);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 1, "check_limit", true)))
                .expectError(400, null);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 3, "check_limit", true))).expect(200);
        assertThat(quota().path("network").asInt()).isEqualTo(3);
    }
}
