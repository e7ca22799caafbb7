package dev.neutrino.api;

import dev.neutrino.api.handlers.NetworkHooks;
import dev.neutrino.api.ml2.ExtensionManager;
import dev.neutrino.api.ml2.MechanismManager;
import dev.neutrino.api.handlers.PortHooks;
import dev.neutrino.api.handlers.SubnetHooks;
import dev.neutrino.api.handlers.TypeDrivers;
import dev.neutrino.api.handlers.AddressScopeHooks;
import dev.neutrino.api.handlers.AutoAllocation;
import dev.neutrino.api.handlers.IpAvailability;
import dev.neutrino.api.handlers.L3;
import dev.neutrino.api.handlers.SubnetPoolHooks;
import dev.neutrino.api.handlers.RbacHooks;
import dev.neutrino.api.handlers.SecurityGroupHooks;
import dev.neutrino.api.handlers.SecurityGroupRuleHooks;
import dev.neutrino.api.handlers.SegmentHooks;
import dev.neutrino.common.Config;
import dev.neutrino.common.Options;
import dev.neutrino.db.Database;
import dev.neutrino.policy.Policy;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.defs.Networks;
import dev.neutrino.model.defs.Ports;
import dev.neutrino.model.defs.RbacPolicies;
import dev.neutrino.model.defs.SecurityGroups;
import dev.neutrino.model.defs.Segments;
import dev.neutrino.model.defs.SubnetPools;
import dev.neutrino.model.defs.Subnets;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wiring: one {@link ResourceService} per resource, with its hooks, over one database. */
public final class Neutrino {
    private final Map<String, ResourceService> byCollection = new LinkedHashMap<>();
    private final Map<String, ResourceService> byPath = new LinkedHashMap<>();
    private final Map<String, MemberAction> actions = new LinkedHashMap<>();
    private final Quotas quotas;
    private final Config config;
    private final Policy policy;
    private final Database db;
    private final SecurityGroupHooks securityGroupHooks;
    private final PortHooks portHooks;
    private final NetworkHooks networkHooks;
    private final Agents agents;
    private final MechanismManager mechanisms = new MechanismManager();
    private final ExtensionManager extensions;
    private final AutoAllocation autoAllocation;
    private final IpAvailability ipAvailability;

    public Neutrino(Config config, Database db) {
        this(config, db, Policy.defaults());
    }

    public Neutrino(Config config, Database db, Policy policy) {
        this.config = config;
        this.db = db;
        this.extensions = ExtensionManager.of(config.get(Options.ML2_EXTENSION_DRIVERS));
        this.policy = policy.withParentResolver((resource, id, field) -> {
            throw new IllegalStateException("policy needs " + resource + ":" + field + " of " + id
                    + " but the target does not carry it");
        });
        this.quotas = new Quotas(config, db);
        this.agents = new Agents(this.policy);
        SubnetPoolHooks subnetPools = new SubnetPoolHooks(() -> service("subnetpools"),
                () -> service("address_scopes"));
        TypeDrivers typeDrivers = new TypeDrivers(config);
        networkHooks = new NetworkHooks(typeDrivers, extensions);
        add(Networks.DEF, networkHooks);
        securityGroupHooks = new SecurityGroupHooks(() -> service("security_groups"),
                () -> service("security_group_rules"));
        add(Subnets.DEF, new SubnetHooks(() -> service("networks"), () -> service("ports"), subnetPools));
        portHooks = new PortHooks(() -> service("networks"), () -> service("subnets"),
                () -> service("security_groups"), securityGroupHooks, config.get(Options.BASE_MAC),
                config.get(Options.MAX_FIXED_IPS_PER_PORT), mechanisms, extensions);
        add(Ports.DEF, portHooks);
        add(SecurityGroups.GROUP, securityGroupHooks);
        add(SecurityGroups.RULE, new SecurityGroupRuleHooks(() -> service("security_groups")));
        add(SubnetPools.POOL, subnetPools);
        add(SubnetPools.ADDRESS_SCOPE, new AddressScopeHooks());
        add(RbacPolicies.DEF, new RbacHooks(() -> service("networks")));
        add(Segments.DEF, new SegmentHooks(typeDrivers, () -> service("networks"), mechanisms));
        L3.register(this);
        autoAllocation = new AutoAllocation(this);
        ipAvailability = new IpAvailability(this);
        for (String r : List.of("networks", "subnets", "ports")) service(r).observe(mechanisms);
    }

    /**
     * Registers a resource with its hooks (features outside this class use it too, e.g. {@link L3}).
     * Attributes of extensions whose ML2 extension driver is not loaded are left out.
     */
    public void add(ResourceDef declared, ResourceHooks hooks) {
        ResourceDef def = extensions.restrict(declared);
        ResourceService svc = new ResourceService(def, hooks, db, quotas, this::fireChanged, policy);
        byCollection.put(def.collection(), svc);
        byPath.put(def.path(), svc);
        quotas.track(def.singular(), def.table());
    }

    public ResourceService service(String collection) {
        return byCollection.get(collection);
    }

    private final java.util.List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called after every committed write (from the writing thread, outside any transaction). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Tells the listeners that committed state changed (member actions call it too). */
    public void fireChanged() {
        for (Runnable r : changeListeners) r.run();
    }

    /** Registers {@code PUT /v2.0/{path}/{id}/{action}}. */
    public void addAction(String path, String action, MemberAction handler) {
        actions.put(path + "/" + action, handler);
    }

    public MemberAction action(String path, String action) {
        return actions.get(path + "/" + action);
    }

    /** The service behind a URL segment ({@code security-groups}), or null. */
    public ResourceService serviceAt(String path) {
        return byPath.get(path);
    }

    public Collection<ResourceService> services() {
        return byCollection.values();
    }

    public Quotas quotas() { return quotas; }
    public Policy policy() { return policy; }
    public Config config() { return config; }
    public Database db() { return db; }
    public SecurityGroupHooks securityGroups() { return securityGroupHooks; }
    public PortHooks ports() { return portHooks; }
    public NetworkHooks networks() { return networkHooks; }
    public Agents agents() { return agents; }
    /** ML2's mechanism drivers: register them in {@code [ml2] mechanism_drivers} order. */
    public MechanismManager mechanisms() { return mechanisms; }
    /** ML2's extension drivers ({@code [ml2] extension_drivers}). */
    public ExtensionManager extensions() { return extensions; }
    /** {@code /v2.0/auto-allocated-topology/{project}} and the default external network. */
    public AutoAllocation autoAllocation() { return autoAllocation; }
    /** {@code /v2.0/network-ip-availabilities}. */
    public IpAvailability ipAvailability() { return ipAvailability; }
}
