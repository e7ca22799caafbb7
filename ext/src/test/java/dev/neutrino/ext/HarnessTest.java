package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.neutrino.engine.RequestContext;

/** Base of the API tests on an in-process {@link ApiHarness}: a fresh one per test, an admin and two members. */
abstract class HarnessTest {
    protected ApiHarness h;
    protected final RequestContext admin = RequestContext.admin("admin-project");
    protected final RequestContext alice = RequestContext.member("alice", "project-a");
    protected final RequestContext bob = RequestContext.member("bob", "project-b");

    @BeforeEach
    void startHarness() {
        h = new ApiHarness();
    }

    @AfterEach
    void stopHarness() {
        h.close();
    }

    /** POST through the API, which must answer 201; the new resource's id. */
    protected String create(RequestContext ctx, String collection, String key, Object... kv) {
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/" + collection, body(key, kv));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return (String) r.get(key).get("id");
    }
}
