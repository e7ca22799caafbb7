package dev.neutrino.ext;

import static dev.neutrino.schema.Tables.PORTS;

import dev.neutrino.common.ReleaseGate;
import dev.neutrino.common.Config;
import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ChangeListener;
import dev.neutrino.engine.EngineExtensions;
import dev.neutrino.engine.ResourceChange;
import dev.neutrino.engine.ListQuery;
import dev.neutrino.engine.Quotas;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.agent.Agents;
import dev.neutrino.ext.autoallocation.AutoAllocationExtension;
import dev.neutrino.ext.core.CoreExtensions;
import dev.neutrino.ext.core.Core;
import dev.neutrino.ext.core.CoreOptions;
import dev.neutrino.ext.autoallocation.AutoAllocationPlugin;
import dev.neutrino.ext.ipavailability.IpAvailabilityPlugin;
import dev.neutrino.ext.l3.L3;
import dev.neutrino.ext.rbac.RbacPlugin;
import dev.neutrino.ext.securitygroup.SecurityGroupPlugin;
import dev.neutrino.ext.segment.SegmentPlugin;
import dev.neutrino.ext.servicetype.ServiceTypePlugin;
import dev.neutrino.ext.subnetpool.SubnetPoolPlugin;
import dev.neutrino.ext.addressgroup.AddressGroupExtension;
import dev.neutrino.ext.addressgroup.AddressGroupPlugin;
import dev.neutrino.ext.agent.AgentExtension;
import dev.neutrino.ext.dns.DnsExtension;
import dev.neutrino.ext.dns.DnsExtensionDriver;
import dev.neutrino.ext.dns.DnsOptions;
import dev.neutrino.ext.dns.DnsPlugin;
import dev.neutrino.ext.floatingippools.FloatingIpPools;
import dev.neutrino.ext.floatingippools.FloatingIpPoolsExtension;
import dev.neutrino.ext.logging.LoggingExtension;
import dev.neutrino.ext.logging.LoggingPlugin;
import dev.neutrino.ext.vlantransparent.VlanTransparentExtension;
import dev.neutrino.ext.vlantransparent.VlanTransparentOptions;
import dev.neutrino.ext.vlantransparent.VlanTransparentPlugin;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.deviceprofile.DeviceProfileExtension;
import dev.neutrino.ext.ipavailability.IpAvailabilityExtension;
import dev.neutrino.ext.l3.L3Extension;
import dev.neutrino.ext.numaaffinity.NumaAffinityExtension;
import dev.neutrino.ext.portsecurity.PortSecurityExtension;
import dev.neutrino.ext.portsecurity.PortSecurityExtensionDriver;
import dev.neutrino.ext.portbindings.PortBindingsExtension;
import dev.neutrino.ext.portbindings.PortBindingsPlugin;
import dev.neutrino.ext.portforwarding.PortForwardingExtension;
import dev.neutrino.ext.portforwarding.PortForwardingPlugin;
import dev.neutrino.ext.qos.QosExtension;
import dev.neutrino.ext.qos.QosExtensionDriver;
import dev.neutrino.ext.qos.QosPlugin;
import dev.neutrino.ext.rbac.RbacExtension;
import dev.neutrino.ext.securitygroup.SecurityGroupExtension;
import dev.neutrino.ext.segment.SegmentExtension;
import dev.neutrino.ext.servicetype.ServiceTypeExtension;
import dev.neutrino.ext.subnetpool.SubnetPoolExtension;
import dev.neutrino.ext.trunk.TrunkExtension;
import dev.neutrino.ext.trunk.TrunkPlugin;
import dev.neutrino.ml2.ExtensionDriver;
import dev.neutrino.ml2.ExtensionManager;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.ml2.PortStatusChange;
import dev.neutrino.ml2.TypeDrivers;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application: every extension's declaration registered on the generic {@link Engine}, then
 * every extension's behaviour attached to the services the engine built, each given what it uses.
 * An extension registers here with two lines: its declarations in {@link #EXTENSIONS} and its
 * install call in the constructor.
 */
public final class Neutrino implements dev.neutrino.ml2.CorePlugin {
    /** Every extension Neutrino has, engine's first (what the API may advertise). */
    public static final List<ExtensionDef> EXTENSIONS = concat(EngineExtensions.ALL, CoreExtensions.ALL,
            PortSecurityExtension.ALL, NumaAffinityExtension.ALL, DeviceProfileExtension.ALL,
            SecurityGroupExtension.ALL, SubnetPoolExtension.ALL, SegmentExtension.ALL, RbacExtension.ALL,
            L3Extension.ALL, AutoAllocationExtension.ALL, IpAvailabilityExtension.ALL, ServiceTypeExtension.ALL,
            PortBindingsExtension.ALL, TrunkExtension.ALL, QosExtension.ALL, VlanTransparentExtension.ALL,
            AddressGroupExtension.ALL, PortForwardingExtension.ALL, DnsExtension.ALL,
            LoggingExtension.ALL, FloatingIpPoolsExtension.ALL, AgentExtension.ALL);

    /** Every ML2 extension driver Neutrino has ({@code [ml2] extension_drivers} picks among them). */
    public static final List<ExtensionDriver> EXTENSION_DRIVERS = extensionDrivers(DnsOptions.DNS_DOMAIN.defaultValue());

    /** The extension drivers, those that depend on it configured with {@code [DEFAULT] dns_domain}. */
    private static List<ExtensionDriver> extensionDrivers(String dnsDomain) {
        List<ExtensionDriver> all = new ArrayList<>(List.of(new PortSecurityExtensionDriver(),
                NumaAffinityExtension.DRIVER, DeviceProfileExtension.DRIVER, new QosExtensionDriver()));
        all.addAll(DnsExtensionDriver.all(dnsDomain));
        return List.copyOf(all);
    }

    private final Engine engine;
    private final MechanismManager mechanisms = new MechanismManager();
    private final ExtensionManager extensionDrivers;
    private final Agents agents;
    private final Database db;
    private final List<java.util.function.Consumer<PortStatusChange>> statusListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public Neutrino(Config config, Database db) {
        this(config, db, Policy.defaults());
    }

    public Neutrino(Config config, Database db, Policy policy) {
        this(config, db, policy, ReleaseGate.NO_OLDER_SERVERS);
    }

    /** @param gate whether servers of an older release still run: features they cannot serve wait for them */
    public Neutrino(Config config, Database db, Policy policy, ReleaseGate gate) {
        this.db = db;
        this.extensionDrivers = ExtensionManager.of(config.get(Ml2Options.EXTENSION_DRIVERS),
                extensionDrivers(config.get(DnsOptions.DNS_DOMAIN)));
        Policy checked = policy.withParentResolver((resource, id, field) -> {
            throw new IllegalStateException("policy needs " + resource + ":" + field + " of " + id
                    + " but the target does not carry it");
        });
        this.engine = new Engine(CoreExtensions.RESOURCES, EXTENSIONS, alias -> enabled(alias, extensionDrivers)
                && VlanTransparentOptions.enabled(config, alias), db,
                new Quotas(config, db), checked);
        Policy rules = engine.policy(); // with the rules the extensions declare
        TypeDrivers types = new TypeDrivers(config);

        // behaviour, each extension's from its own package
        var securityGroups = SecurityGroupPlugin.install(engine, db);
        var subnetPools = SubnetPoolPlugin.install(engine);
        Core.install(engine, types, mechanisms, extensionDrivers, securityGroups, subnetPools,
                config.get(CoreOptions.BASE_MAC), CoreOptions.limits(config));
        SegmentPlugin.install(engine, types, mechanisms);
        RbacPlugin.install(engine);
        L3.install(engine, db, rules);
        AutoAllocationPlugin.install(engine, db, rules);
        IpAvailabilityPlugin.install(engine, db, rules);
        ServiceTypePlugin.install(engine, config, rules);
        PortBindingsPlugin.install(engine, db, mechanisms, rules);
        TrunkPlugin.install(engine, db, mechanisms, rules);
        QosPlugin.install(engine, db, rules, gate);
        VlanTransparentPlugin.install(engine, gate);
        AddressGroupPlugin.install(engine, db, rules, gate);
        PortForwardingPlugin.install(engine, db);
        DnsPlugin.install(engine, config.get(DnsOptions.DNS_DOMAIN));
        FloatingIpPools.install(engine, db, rules);
        LoggingPlugin.install(engine, rules, gate);
        this.agents = new Agents(rules);
        engine.endpoint("agents", agents::handle);
        dev.neutrino.ext.agent.AvailabilityZones.install(engine, agents, rules);

        List<String> unhandled = engine.unhandledActions();
        if (!unhandled.isEmpty()) throw new IllegalStateException("declared actions without a handler: " + unhandled);
    }

    /** The policy defaults the extensions declare (for rules Neutron Zed's defaults lack). */
    public static List<dev.neutrino.policy.RuleDefault> policyDefaults() {
        return EXTENSIONS.stream().flatMap(e -> e.policies().stream()).toList();
    }

    /**
     * Whether an extension is in the API: unless an ML2 extension driver that provides it is not loaded,
     * or it requires one that is not (the qos family goes with the {@code qos} driver).
     */
    private static boolean enabled(String alias, ExtensionManager drivers) {
        if (!drivers.enabled(alias)) return false;
        for (ExtensionDef e : EXTENSIONS) {
            if (e.alias().equals(alias)) {
                for (String required : e.requires()) if (!enabled(required, drivers)) return false;
            }
        }
        return true;
    }

    @SafeVarargs
    private static List<ExtensionDef> concat(List<ExtensionDef>... lists) {
        List<ExtensionDef> all = new ArrayList<>();
        for (List<ExtensionDef> l : lists) all.addAll(l);
        return List.copyOf(all);
    }

    /** The engine that serves the API. */
    public Engine engine() { return engine; }

    /** ML2's mechanism drivers: register them in {@code [ml2] mechanism_drivers} order. */
    public MechanismManager mechanisms() { return mechanisms; }

    /** ML2's extension drivers ({@code [ml2] extension_drivers}). */
    public ExtensionManager extensionDrivers() { return extensionDrivers; }

    /** {@code /v2.0/agents}: where the dataplane reports its agents. */
    public Agents agents() { return agents; }

    public Database db() { return db; }

    // ------------------------------------------------------------------ ML2's plugin API for drivers

    @Override
    public List<Map<String, Object>> readAll(String collection) {
        ResourceService svc = engine.services().stream().filter(s -> s.def().collection().equals(collection))
                .findFirst().orElse(null);
        return svc == null ? List.of() : svc.list(RequestContext.admin(null), ListQuery.all()).items();
    }

    @Override
    public List<Map<String, Object>> read(String collection, Map<String, List<String>> filters) {
        ResourceService svc = engine.services().stream().filter(s -> s.def().collection().equals(collection))
                .findFirst().orElse(null);
        if (svc == null) return List.of();
        ListQuery q = new ListQuery(filters, java.util.Set.of(), List.of(), null, null, false, Map.of());
        return svc.list(RequestContext.admin(null), q).items();
    }

    @Override
    public void onChange(java.util.function.Consumer<dev.neutrino.ml2.CommittedChange> listener) {
        ChangeListener feed = new ChangeListener() {
            @Override
            public void changed(Tx tx, ResourceChange change) {
                String id = String.valueOf(change.current().get("id"));
                var c = new dev.neutrino.ml2.CommittedChange(switch (change.operation()) {
                    case CREATE -> dev.neutrino.ml2.CommittedChange.Kind.CREATE;
                    case UPDATE -> dev.neutrino.ml2.CommittedChange.Kind.UPDATE;
                    case DELETE -> dev.neutrino.ml2.CommittedChange.Kind.DELETE;
                }, change.resource(), id, change.current(), change.original());
                Database.afterCommit(tx.dsl(), () -> listener.accept(c));
            }

            @Override
            public void touched(Tx tx, String resource, java.util.Collection<String> ids) {
                for (String id : ids) {
                    var c = dev.neutrino.ml2.CommittedChange.touch(resource, id);
                    Database.afterCommit(tx.dsl(), () -> listener.accept(c));
                }
            }
        };
        for (ResourceService svc : engine.services()) svc.listen(feed);
    }

    @Override
    public boolean updatePortStatus(String portId, String status) {
        ResourceService ports = engine.service(Ports.DEF);
        return db.tx(dsl -> {
            var row = dsl.select(PORTS.STATUS, PORTS.DEVICE_ID, PORTS.DEVICE_OWNER).from(PORTS)
                    .where(PORTS.ID.eq(portId)).fetchOne();
            if (row == null || status.equals(row.value1())) return false;
            String previous = row.value1();
            // conditional on the status read: of servers recording the same transition, one wins
            int changed = dsl.update(PORTS).set(PORTS.STATUS, status)
                    .where(PORTS.ID.eq(portId).and(previous == null ? PORTS.STATUS.isNull() : PORTS.STATUS.eq(previous)))
                    .execute();
            if (changed == 0) return false;
            ports.bumpRevision(new Tx(dsl, RequestContext.admin(null)), portId);
            var transition = new PortStatusChange(portId, previous, status, row.value2(), row.value3());
            for (var l : statusListeners) Database.afterCommit(dsl, () -> l.accept(transition));
            return true;
        });
    }

    @Override
    public Map<String, Object> createPort(Map<String, Object> port) {
        return engine.service(Ports.DEF).create(RequestContext.admin((String) port.get("project_id")), port);
    }

    @Override
    public Map<String, Object> updatePort(String portId, Map<String, Object> changes, Long revision) {
        return engine.service(Ports.DEF).update(RequestContext.admin(null), portId, changes, revision);
    }

    @Override
    public void onPortStatus(java.util.function.Consumer<PortStatusChange> listener) {
        statusListeners.add(listener);
    }

    @Override
    public void onCommitted(Runnable listener) {
        engine.onCommitted(listener);
    }
}
