package dev.neutrino.ext.qos;

import static dev.neutrino.ext.qos.QosApiTest.ADMIN;
import static dev.neutrino.ext.qos.QosApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.IniFile;
import dev.neutrino.ext.ApiHarness;
import dev.neutrino.ext.NeutrinoOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the QoS API tests share: the API with the {@code qos} extension driver, and an admin's calls. */
abstract class QosHarness {
    static final Config QOS = Config.of(IniFile.parse("[ml2]\nextension_drivers = port_security,qos\n"),
            NeutrinoOptions.ALL);

    ApiHarness h;

    @BeforeEach
    void startHarness() {
        h = new ApiHarness(QOS);
    }

    @AfterEach
    void stopHarness() {
        h.close();
    }

    ApiHarness.Result admin(String method, String path, Object body) {
        return h.call(ADMIN, method, path, body);
    }

    /** A policy created by the admin: its id. */
    String policy(Object... kv) {
        ApiHarness.Result r = admin("POST", "/v2.0/qos/policies", body("policy", kv));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("policy").get("id");
    }
}
