package dev.neutrino.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.neutrino.common.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Rendering a GET /v2.0/ports answer: {"ports": [...]} of port-like maps, with the shared mapper. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JsonRenderBench {
    @Param({"1000"})
    int ports;

    Map<String, Object> body;
    Map<String, Object> one;

    @Setup
    public void setUp() {
        String net = UUID.randomUUID().toString();
        String subnet = UUID.randomUUID().toString();
        String sg = UUID.randomUUID().toString();
        String project = "b3c4b3c4b3c4b3c4b3c4b3c4b3c4b3c4";
        List<Map<String, Object>> list = new ArrayList<>(ports);
        for (int i = 0; i < ports; i++) list.add(port(i, net, subnet, sg, project));
        body = Map.of("ports", list);
        one = Map.of("port", list.get(0));
    }

    /** The attributes of a Neutron (Zed, ML2, port_security) port, in its usual order. */
    static Map<String, Object> port(int i, String net, String subnet, String sg, String project) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", UUID.randomUUID().toString());
        p.put("name", "bench-" + i);
        p.put("network_id", net);
        p.put("tenant_id", project);
        p.put("mac_address", String.format("fa:16:3e:%02x:%02x:%02x", (i >> 16) & 255, (i >> 8) & 255, i & 255));
        p.put("admin_state_up", true);
        p.put("status", "DOWN");
        p.put("device_id", "");
        p.put("device_owner", i % 10 == 0 ? "compute:bench" : "");
        p.put("fixed_ips", List.of(Map.of("subnet_id", subnet,
                "ip_address", "10.0." + ((i + 2) >> 8 & 255) + "." + ((i + 2) & 255))));
        p.put("project_id", project);
        p.put("port_security_enabled", true);
        p.put("security_groups", List.of(sg));
        p.put("binding:vnic_type", "normal");
        p.put("binding:profile", Map.of());
        p.put("binding:host_id", "");
        p.put("binding:vif_type", "unbound");
        p.put("binding:vif_details", Map.of());
        p.put("allowed_address_pairs", List.of());
        p.put("extra_dhcp_opts", List.of());
        p.put("description", "");
        p.put("tags", List.of());
        p.put("created_at", "2026-01-01T00:00:00Z");
        p.put("updated_at", "2026-01-01T00:00:00Z");
        p.put("revision_number", 1);
        return p;
    }

    @Benchmark
    public byte[] renderList() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsBytes(body);
    }

    @Benchmark
    public String renderOne() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(one);
    }
}
