package dev.neutrino.server;

import dev.neutrino.common.Option;
import java.util.List;

/**
 * The options the server itself reads: its {@code [DEFAULT]} ones (listening, authentication,
 * state_path for the embedded database, core and service plugins, and the ones accepted for
 * compatibility), the request limits ({@code [oslo_middleware]} included) and {@code [oslo_policy]} (the policy module does not read neutron.conf; see
 * {@link NeutrinoServer#loadPolicy}).
 */
public final class ServerOptions {
    private ServerOptions() {}

    public static final Option<String> BIND_HOST = Option.string("DEFAULT", "bind_host", "127.0.0.1",
            "The host IP to bind to.");
    public static final Option<Integer> BIND_PORT = Option.integer("DEFAULT", "bind_port", 9696, 0, 65535,
            "The port to bind to.");
    public static final Option<String> STATE_PATH = Option.string("DEFAULT", "state_path", "./var",
            "Where to store Neutrino state files (the embedded H2 database).");
    public static final Option<String> AUTH_STRATEGY = new Option<>("DEFAULT", "auth_strategy", "noauth", s -> {
        if (!s.equals("noauth") && !s.equals("keystone")) throw new IllegalArgumentException("noauth or keystone");
        return s;
    }, "The type of authentication to use: noauth or keystone.");
    public static final Option<String> CORE_PLUGIN = Option.string("DEFAULT", "core_plugin", "ml2",
            "The core plugin (only ml2 is supported).");
    public static final Option<List<String>> SERVICE_PLUGINS = Option.list("DEFAULT", "service_plugins", List.of(),
            "Service plugins to load.");
    public static final Option<Integer> API_WORKERS = Option.integer("DEFAULT", "api_workers", 0, 0, 1024,
            "Accepted for compatibility: Neutrino serves with virtual threads in one process.");
    public static final Option<Integer> RPC_WORKERS = Option.integer("DEFAULT", "rpc_workers", 0, 0, 1024,
            "Accepted for compatibility; Neutrino has no RPC workers.");
    public static final Option<String> TRANSPORT_URL = Option.string("DEFAULT", "transport_url", "",
            "Accepted for compatibility; Neutrino uses no message bus.");
    public static final Option<Boolean> DEBUG = Option.bool("DEFAULT", "debug", false, "Debug logging.");
    public static final Option<String> LOG_DIR = Option.string("DEFAULT", "log_dir", "", "Log directory.");

    public static final Option<Integer> MAX_REQUEST_BODY_SIZE = Option.integer("oslo_middleware",
            "max_request_body_size", 114688, 0, Integer.MAX_VALUE - 1,
            "The maximum body size for each request, in bytes (oslo.middleware's sizelimit; larger is 413).");
    /** oslo.middleware's deprecated name of {@link #MAX_REQUEST_BODY_SIZE}, read when that one is not set. */
    public static final Option<Integer> MAX_REQUEST_BODY_SIZE_DEPRECATED = Option.integer("DEFAULT",
            "max_request_body_size", 114688, 0, Integer.MAX_VALUE - 1,
            "Deprecated: [oslo_middleware] max_request_body_size.");
    public static final Option<Boolean> ENABLE_PROXY_HEADERS_PARSING = Option.bool("oslo_middleware",
            "enable_proxy_headers_parsing", false, "Whether the application is behind a proxy or not: take the "
                    + "scheme, host and client address from Forwarded / X-Forwarded-Proto, -Host, -Port, -For.");
    public static final Option<Integer> MAX_HEADER_LINE = Option.integer("DEFAULT", "max_header_line", 16384, 1,
            Integer.MAX_VALUE / 2, "Maximum line size of message headers to be accepted (longer is 400).");

    public static final Option<String> POLICY_FILE = Option.string("oslo_policy", "policy_file", "policy.yaml",
            "The policy file (relative paths are looked up next to the config files and in /etc/neutron).");
    public static final Option<Boolean> ENFORCE_SCOPE = Option.bool("oslo_policy", "enforce_scope", false,
            "Check the token's scope against each rule's scope_types.");
    public static final Option<Boolean> ENFORCE_NEW_DEFAULTS = Option.bool("oslo_policy", "enforce_new_defaults",
            false, "Use only the new (secure RBAC) defaults, not the deprecated ones.");

    public static final Option<String> HOST = Option.string("DEFAULT", "host", localHostName(),
            "Hostname to be used by the Neutron server, agents and services running on this machine.");

    public static final List<Option<?>> ALL = List.of(BIND_HOST, BIND_PORT, STATE_PATH, AUTH_STRATEGY, CORE_PLUGIN,
            SERVICE_PLUGINS, API_WORKERS, RPC_WORKERS, TRANSPORT_URL, DEBUG, LOG_DIR, MAX_REQUEST_BODY_SIZE,
            MAX_REQUEST_BODY_SIZE_DEPRECATED, ENABLE_PROXY_HEADERS_PARSING, MAX_HEADER_LINE, POLICY_FILE, ENFORCE_SCOPE, ENFORCE_NEW_DEFAULTS, HOST);

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** The request limits: body size (the current option name wins over the deprecated one) and header line. */
    static RequestLimits requestLimits(dev.neutrino.common.Config config) {
        int body = config.isSet(MAX_REQUEST_BODY_SIZE) || !config.isSet(MAX_REQUEST_BODY_SIZE_DEPRECATED)
                ? config.get(MAX_REQUEST_BODY_SIZE) : config.get(MAX_REQUEST_BODY_SIZE_DEPRECATED);
        return new RequestLimits(body, config.get(MAX_HEADER_LINE));
    }
}
