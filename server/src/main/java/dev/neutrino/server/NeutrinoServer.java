package dev.neutrino.server;

import dev.neutrino.engine.EngineOptions;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.ext.Neutrino;
import dev.neutrino.ext.core.CoreOptions;
import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseOptions;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import dev.neutrino.keystone.KeystoneAuthConfig;
import dev.neutrino.keystone.KeystoneSession;
import dev.neutrino.nova.NovaClient;
import dev.neutrino.nova.NovaNotifier;
import dev.neutrino.nova.NovaOptions;
import dev.neutrino.keystone.TokenValidator;
import dev.neutrino.ovn.GatewayChassis;
import dev.neutrino.ovn.OvnAgents;
import dev.neutrino.ovn.OvnMechanismDriver;
import dev.neutrino.ml2.LoggerMechanismDriver;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.ovn.MetadataPorts;
import dev.neutrino.ovn.OvnNorthbound;
import dev.neutrino.ovn.OvnOptions;
import dev.neutrino.ovn.AclLogging;
import dev.neutrino.ext.logging.LoggingOptions;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbClientOptions;
import dev.neutrino.policy.Policy;
import java.time.Duration;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API server: database, schema check, the resource engine, and Jetty on virtual threads. */
public final class NeutrinoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NeutrinoServer.class);

    private final Server jetty;
    private final Database db;
    private final OvnNorthbound ovn;
    private final OvsdbClient nb;
    private final OvsdbClient sb;
    private final NovaNotifier nova;
    private final ServerRegistry registry;

    private NeutrinoServer(Server jetty, Database db, OvsdbClient nb, OvsdbClient sb, OvnNorthbound ovn,
                           NovaNotifier nova, ServerRegistry registry) {
        this.jetty = jetty;
        this.registry = registry;
        this.nova = nova;
        this.db = db;
        this.nb = nb;
        this.sb = sb;
        this.ovn = ovn;
    }

    public static Database openDatabase(Config config) throws Exception {
        Path state = Path.of(config.get(ServerOptions.STATE_PATH));
        DatabaseUrl url = DatabaseUrl.parse(config.get(DatabaseOptions.CONNECTION), state);
        if (url.jdbcUrl().startsWith("jdbc:h2:file:")) Files.createDirectories(state);
        return new Database(url, config.get(DatabaseOptions.MAX_POOL_SIZE),
                config.get(DatabaseOptions.POOL_TIMEOUT) * 1000L);
    }

    /**
     * {@code [ml2] mechanism_drivers}, checked: known names only, ovn only with a northbound
     * connection. Empty means ovn when {@code [ovn] ovn_nb_connection} is set, else none.
     */
    static List<String> mechanismDrivers(Config config) {
        List<String> names = config.get(Ml2Options.MECHANISM_DRIVERS);
        boolean hasNb = !config.get(OvnOptions.NB_CONNECTION).isBlank();
        if (names.isEmpty()) return hasNb ? List.of("ovn") : List.of();
        for (String n : names) {
            if (!List.of("ovn", "logger").contains(n)) {
                throw new ConfigException("[ml2] mechanism_drivers: unknown driver '" + n + "' (available: ovn, logger)");
            }
        }
        if (names.contains("ovn") && !hasNb) {
            throw new ConfigException("[ml2] mechanism_drivers lists ovn but [ovn] ovn_nb_connection is not set");
        }
        return names;
    }

    /**
     * Neutron's Nova notifier when {@code [nova]} has credentials and a {@code notify_nova_on_*}
     * option is on; null otherwise (Neutrino then serves without telling a Nova anything).
     */
    static NovaNotifier novaNotifier(Config config, Neutrino app) {
        NovaOptions.Settings nova = NovaOptions.settings(config);
        if (nova == null) {
            LOG.info("no [nova] credentials (or notify_nova_on_port_* off): Nova is not notified of port events");
            return null;
        }
        KeystoneSession session = new KeystoneSession(nova.credentials(), nova.timeout(), java.time.Clock.systemUTC());
        NovaClient client = new NovaClient(session, nova.region(), nova.endpointType(), nova.timeout());
        LOG.info("Nova notifier: events as {} ({} endpoint{}) every {} s; port status changes {}, data changes {}",
                nova.credentials(), nova.endpointType(), nova.region().isBlank() ? "" : " in " + nova.region(),
                nova.interval().toSeconds(), nova.onStatus() ? "on" : "off", nova.onData() ? "on" : "off");
        return new NovaNotifier(client, nova.interval()).follow(app, nova.onStatus(), nova.onData()).start();
    }

    /** Opens the database, checks or creates the schema and starts listening. */
    public static NeutrinoServer start(Config config) throws Exception {
        for (String w : config.warnings()) LOG.warn(w);
        if (!config.get(ServerOptions.CORE_PLUGIN).equals("ml2")
                && !config.get(ServerOptions.CORE_PLUGIN).equals("neutron.plugins.ml2.plugin.Ml2Plugin")) {
            throw new ConfigException("[DEFAULT] core_plugin: only ml2 is supported, not '"
                    + config.get(ServerOptions.CORE_PLUGIN) + "'");
        }
        // the certificate files first: a server that cannot serve HTTPS as configured touches nothing
        Optional<SslContextFactory.Server> tls = SslOptions.contextFactory(config);
        Database db = openDatabase(config);
        ServerRegistry registry = null;
        try {
            prepareSchema(new Schema(db));
            registry = new ServerRegistry(db, config.get(ServerOptions.HOST), Release.CURRENT,
                    java.time.Clock.systemUTC()).register();
            Policy policy = loadPolicy(config);
            java.time.Clock clock = java.time.Clock.systemUTC();
            Neutrino app = new Neutrino(config, db, policy, release -> ServerRegistry.allAtLeast(db, clock, release));
            Authenticator auth = config.get(ServerOptions.AUTH_STRATEGY).equals("keystone")
                    ? new KeystoneAuthenticator(TokenValidator.create(KeystoneAuthConfig.from(config)), policy)
                    : Authenticator.noauth();
            OvsdbClient nb = null;
            OvsdbClient sb = null;
            OvnNorthbound ovn = null;
            MetadataPorts metadata = null;
            String nbConnection = config.get(OvnOptions.NB_CONNECTION);
            List<String> mechanisms = mechanismDrivers(config);
            if (!mechanisms.contains("ovn") && !nbConnection.isBlank()) {
                LOG.warn("[ovn] ovn_nb_connection is set but [ml2] mechanism_drivers does not list ovn: OVN is left "
                        + "alone");
            }
            if (mechanisms.contains("ovn")) {
                // both checked (ssl: certificates included) before connecting to either
                String sbConnection = config.get(OvnOptions.SB_CONNECTION);
                OvsdbClientOptions nbOptions = OvnOptions.northbound(config);
                OvsdbClientOptions sbOptions = sbConnection.isBlank() ? null : OvnOptions.southbound(config);
                nb = OvsdbClient.connect(nbOptions);
                ovn = new OvnNorthbound(app, db, nb, config.get(CoreOptions.BASE_MAC),
                        Duration.ofSeconds(config.get(OvnOptions.SYNC_INTERVAL)))
                        .distributedFloatingIps(config.get(OvnOptions.DISTRIBUTED_FIP))
                        .emitNeedToFrag(config.get(OvnOptions.EMIT_NEED_TO_FRAG))
                        .dnsDomain(config.get(dev.neutrino.ext.dns.DnsOptions.DNS_DOMAIN))
                        .aclLogging(aclLogging(config))
                        // one repair worker across servers: whoever holds this northbound lock
                        .repairLock(nb.lock(OvnNorthbound.REPAIR_LOCK));
                if (sbOptions != null) {
                    sb = OvsdbClient.connect(sbOptions);
                    GatewayChassis chassis = new GatewayChassis(sb, ovn::requestSync);
                    ovn.chassis(chassis);
                    app.agents().source(new OvnAgents(chassis, sb));
                }
                if (config.get(OvnOptions.METADATA_ENABLED)) {
                    metadata = new MetadataPorts(app);
                    ovn.metadata(metadata);
                }
                ovn.start();
                LOG.info("OVN northbound at {}{}", nbConnection, nbOptions.tls().map(t -> " over " + t).orElse(""));
            }
            for (String name : mechanisms) {
                app.mechanisms().register(switch (name) {
                    case "ovn" -> new OvnMechanismDriver(metadata);
                    case "logger" -> new LoggerMechanismDriver();
                    default -> throw new IllegalStateException(name); // mechanismDrivers() checked the names
                });
            }
            LOG.info("ML2 mechanism drivers: {}", mechanisms);
            NovaNotifier nova = novaNotifier(config, app);
            if (ovn == null) LOG.info("no OVN mechanism driver: serving the API without a dataplane");
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            if (ovn != null) {
                OvnNorthbound o = ovn;
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.ovn.repair.passes", o, x -> x.passes())
                        .description("full comparisons of OVN with the database (the repair worker's)").register(metrics);
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.ovn.write.batches", o, x -> x.batches())
                        .description("batches of committed changes the write path handled").register(metrics);
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.ovn.write.scopes", o, x -> x.scopes())
                        .description("changed resources the write path handled").register(metrics);
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.ovn.write.transactions", o,
                        x -> x.writes()).description("northbound transactions the write path sent").register(metrics);
                String[] phases = {"plan", "transact", "await"};
                for (int k = 0; k < phases.length; k++) {
                    int phase = k;
                    io.micrometer.core.instrument.FunctionCounter.builder("neutrino.ovn.write.seconds", o,
                                    x -> x.writeSeconds()[phase]).tag("phase", phases[k])
                            .description("time the write path spent per phase").register(metrics);
                }
            }
            if (nova != null) {
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.nova.events.sent", nova, x -> x.sent())
                        .description("events Nova took (os-server-external-events)").register(metrics);
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.nova.events.dropped", nova,
                        x -> x.dropped()).description("events given up after retries or refused by Nova")
                        .register(metrics);
                io.micrometer.core.instrument.FunctionCounter.builder("neutrino.nova.requests", nova,
                        x -> x.requests()).description("requests sent to Nova, retries included").register(metrics);
            }
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);

            QueuedThreadPool pool = new QueuedThreadPool(200, 8);
            pool.setName("neutrino-http");
            pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Server jetty = new Server(pool);
            RequestLimits limits = ServerOptions.requestLimits(config);
            HttpConfiguration http = new HttpConfiguration();
            http.setRequestHeaderSize(limits.requestHeaderSize());
            ServerConnector connector;
            if (tls.isPresent()) {
                // no SNI host check: eventlet has none, and a certificate often names no host clients use
                http.addCustomizer(new SecureRequestCustomizer(false));
                connector = new ServerConnector(jetty, new SslConnectionFactory(tls.get(), HttpVersion.HTTP_1_1.asString()),
                        new HttpConnectionFactory(http));
            } else {
                connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            }
            if (config.get(ServerOptions.ENABLE_PROXY_HEADERS_PARSING)) {
                // oslo.middleware's http_proxy_to_wsgi: links (pagination, versions) carry the scheme and
                // host the client used at the proxy
                http.addCustomizer(new ForwardedRequestCustomizer());
            }
            connector.setHost(config.get(ServerOptions.BIND_HOST));
            connector.setPort(config.get(ServerOptions.BIND_PORT));
            jetty.addConnector(connector);
            ApiHandler api = new ApiHandler(new NeutronApi(app.engine(),
                    config.get(EngineOptions.PAGINATION_MAX_LIMIT)).build("neutrino " + Release.CURRENT), auth,
                    metrics, limits);
            jetty.setErrorHandler(new NeutronErrorHandler());
            jetty.setHandler(new Handler.Wrapper(api) {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    if ("/metrics".equals(request.getHttpURI().getPath())) {
                        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4");
                        response.write(true, ByteBuffer.wrap(text), callback);
                        return true;
                    }
                    return super.handle(request, response, callback);
                }
            });
            jetty.setStopTimeout(5000);
            jetty.start();
            LOG.info("Neutrino listening on {}://{}:{}{} (database {})", tls.isPresent() ? "https" : "http",
                    config.get(ServerOptions.BIND_HOST), connector.getLocalPort(),
                    tls.isPresent() && tls.get().getNeedClientAuth() ? ", client certificates required" : "",
                    db.url().display());
            return new NeutrinoServer(jetty, db, nb, sb, ovn, nova, registry);
        } catch (Exception | Error e) {
            if (registry != null) registry.close();
            db.close();
            throw e;
        }
    }

    /**
     * [oslo_policy] policy_file: an absolute path must exist; a relative one is looked up in the
     * working directory and /etc/neutron, and (as oslo.policy does) a missing default file is fine.
     */
    /** {@code [network_log]}: the meter of security group logging in OVN (the server's and ovn-db-sync's). */
    static AclLogging.Settings aclLogging(Config config) {
        return new AclLogging.Settings(LoggingOptions.meterName(config), config.get(LoggingOptions.RATE_LIMIT),
                config.get(LoggingOptions.BURST_LIMIT));
    }

    public static Policy loadPolicy(Config config) {
        String file = config.get(ServerOptions.POLICY_FILE);
        Path path = Path.of(file);
        if (!path.isAbsolute()) {
            for (Path candidate : List.of(path, Path.of("/etc/neutron").resolve(file))) {
                if (Files.isRegularFile(candidate)) {
                    path = candidate;
                    break;
                }
            }
        }
        boolean scope = config.get(ServerOptions.ENFORCE_SCOPE);
        boolean newDefaults = config.get(ServerOptions.ENFORCE_NEW_DEFAULTS);
        if (!Files.isRegularFile(path)) {
            if (config.isSet(ServerOptions.POLICY_FILE)) {
                throw new ConfigException("[oslo_policy] policy_file: " + file + " not found");
            }
            return Policy.builder().defaults(Neutrino.policyDefaults()).enforceScope(scope)
                    .enforceNewDefaults(newDefaults).build();
        }
        try {
            // the extensions' own defaults first, so that the file may override or refer to them
            Policy p = Policy.builder().defaults(Neutrino.policyDefaults()).policyFile(path).enforceScope(scope)
                    .enforceNewDefaults(newDefaults).build();
            LOG.info("policy overrides from {}", path);
            return p;
        } catch (RuntimeException e) {
            throw new ConfigException("[oslo_policy] policy_file " + path + ": " + e.getMessage());
        }
    }

    /** Empty schema: create it. Newer than this code: refuse. Behind: refuse and say how to upgrade. */
    static void prepareSchema(Schema schema) {
        if (schema.isEmpty()) {
            int n = schema.upgradeAll();
            LOG.info("created the database schema ({} migrations)", n);
            return;
        }
        for (Schema.Phase phase : Schema.Phase.values()) {
            Schema.Status s = schema.status(phase);
            if (s.isNewerThanCode()) {
                throw new ConfigException("the database schema (" + phase.name().toLowerCase() + " "
                        + s.unknown() + ") is newer than this Neutrino; upgrade Neutrino first");
            }
            if (s.pending() > 0 && phase == Schema.Phase.EXPAND) {
                throw new ConfigException("the database schema is behind this Neutrino (" + s.pending()
                        + " expand migrations pending); run 'neutrino db upgrade --expand' (safe while older "
                        + "servers run)");
            }
            if (s.pending() > 0) {
                // a rolling upgrade: this release works before and after its contract migrations
                LOG.warn("{} contract migrations pending: run 'neutrino db upgrade --contract' once every server "
                        + "runs this release", s.pending());
            }
        }
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The server's database (its pool's state is what tests of abandoned answers look at). */
    public Database database() {
        return db;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        if (nova != null) nova.close();
        if (ovn != null) ovn.close();
        if (nb != null) nb.close();
        if (sb != null) sb.close();
        registry.close();
        db.close();
    }
}
