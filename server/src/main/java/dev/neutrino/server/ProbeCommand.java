package dev.neutrino.server;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import dev.neutrino.ovsdb.txn.Delete;

/**
 * neutron-debug's probe: a network namespace plugged into br-int as a Neutron port (its MAC, its
 * iface-id, its address by DHCP), so a person can try the dataplane by hand. Talks to the running
 * server's API (noauth) and to the local OVS.
 */
@Command(name = "probe", description = "Network namespaces plugged in as ports, to try the dataplane by hand.",
        subcommands = {ProbeCommand.Create.class, ProbeCommand.ListProbes.class, ProbeCommand.Delete.class})
final class ProbeCommand implements Callable<Integer> {
    static final String OWNER = "network:probe";

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    static String namespace(String portId) {
        return "qprobe-" + portId;
    }

    static String tap(String portId) {
        return "tp" + portId.substring(0, 11);
    }

    /** The server's API at bind_host:bind_port, as an admin (noauth). */
    static final class Api {
        private final String base;
        private final HttpClient http = HttpClient.newHttpClient();

        Api(Config config) {
            this.base = "http://" + config.get(ServerOptions.BIND_HOST) + ":" + config.get(ServerOptions.BIND_PORT)
                    + "/v2.0/";
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> call(String method, String path, Object body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                    "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.write(body)));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) throw new ApiError(r.statusCode(), method + " " + path + ": " + r.body());
            return r.body().isBlank() ? Map.of() : (Map<String, Object>) Json.read(r.body());
        }

        /** GET of one resource; null when the server says 404 (any other error is thrown). */
        @SuppressWarnings("unchecked")
        Map<String, Object> find(String collection, String id) throws IOException, InterruptedException {
            try {
                return (Map<String, Object>) call("GET", collection + "/" + id, null)
                        .get(collection.substring(0, collection.length() - 1));
            } catch (ApiError e) {
                if (e.status == 404) return null;
                throw e;
            }
        }
    }

    /** An error answer of the server (the message carries Neutron's error body). */
    static final class ApiError extends ConfigException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new ConfigException(String.join(" ", command) + ": " + out.strip());
        return out;
    }

    @Command(name = "create", description = "Create a probe on a network, or for an existing port.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        Main.ConfigFiles config = new Main.ConfigFiles();
        @Parameters(paramLabel = "PORT_OR_NETWORK")
        String target;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            Api api = new Api(config.load());
            String host = run("hostname").strip();
            Map<String, Object> port = api.find("ports", target);
            if (port != null) {
                api.call("PUT", "ports/" + target, Map.of("port", Map.of("binding:host_id", host)));
            } else if (api.find("networks", target) != null) {
                port = (Map<String, Object>) api.call("POST", "ports", Map.of("port", Map.of("network_id", target,
                        "device_owner", OWNER, "device_id", "probe", "binding:host_id", host,
                        "name", "probe"))).get("port");
            } else {
                throw new ConfigException("no port or network " + target);
            }
            String id = (String) port.get("id");
            String ns = namespace(id);
            String tap = tap(id);
            run("ip", "netns", "add", ns);
            // udhcpc's script writes resolv.conf: the namespace gets its own (ip netns exec mounts
            // /etc/netns/NS/resolv.conf over /etc/resolv.conf), so the host's is never replaced
            java.nio.file.Path netnsEtc = java.nio.file.Path.of("/etc/netns", ns);
            java.nio.file.Files.createDirectories(netnsEtc);
            java.nio.file.Files.writeString(netnsEtc.resolve("resolv.conf"), "");
            run("ip", "link", "add", tap, "type", "veth", "peer", "name", "pe" + id.substring(0, 11));
            run("ip", "link", "set", "pe" + id.substring(0, 11), "netns", ns);
            run("ip", "-n", ns, "link", "set", "pe" + id.substring(0, 11), "name", "eth0");
            run("ip", "-n", ns, "link", "set", "eth0", "address", (String) port.get("mac_address"));
            run("ip", "-n", ns, "link", "set", "lo", "up");
            run("ip", "-n", ns, "link", "set", "eth0", "up");
            run("ovs-vsctl", "--may-exist", "add-port", "br-int", tap, "--", "set", "Interface", tap,
                    "external-ids:iface-id=" + id);
            run("ip", "link", "set", tap, "up");
            try {
                run("ip", "netns", "exec", ns, "udhcpc", "-i", "eth0", "-n", "-q", "-t", "10", "-T", "1");
            } catch (ConfigException e) {
                System.err.println("probe: no DHCP answer (yet): " + e.getMessage());
            }
            System.out.println(ns + " " + id + " " + run("ip", "-n", ns, "-4", "-o", "addr", "show", "eth0").strip());
            return 0;
        }
    }

    @Command(name = "list", description = "List probes (namespaces and their ports).")
    static final class ListProbes implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            for (String line : run("ip", "netns", "list").split("\n")) {
                String ns = line.split(" ")[0];
                if (ns.startsWith("qprobe-")) System.out.println(ns + " port " + ns.substring("qprobe-".length()));
            }
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a probe (its namespace; and its port if the probe made it).")
    static final class Delete implements Callable<Integer> {
        @CommandLine.Mixin
        Main.ConfigFiles config = new Main.ConfigFiles();
        @Parameters(paramLabel = "PORT")
        String portId;

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() throws Exception {
            Api api = new Api(config.load());
            List<String> errors = new ArrayList<>();
            try {
                run("ovs-vsctl", "--if-exists", "del-port", "br-int", tap(portId));
                run("ip", "netns", "del", namespace(portId));
                deleteNetnsEtc(namespace(portId));
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
            try {
                Map<String, Object> port = (Map<String, Object>) api.call("GET", "ports/" + portId, null).get("port");
                if (OWNER.equals(port.get("device_owner"))) api.call("DELETE", "ports/" + portId, null);
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
            errors.forEach(System.err::println);
            return errors.isEmpty() ? 0 : 1;
        }
    }

    /** Removes the namespace's own /etc/netns/NS (its resolv.conf), if any. */
    static void deleteNetnsEtc(String ns) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("/etc/netns", ns);
        if (!java.nio.file.Files.isDirectory(dir)) return;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.toList()) java.nio.file.Files.deleteIfExists(f);
        }
        java.nio.file.Files.deleteIfExists(dir);
    }
}
