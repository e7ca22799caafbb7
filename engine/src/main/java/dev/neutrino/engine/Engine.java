package dev.neutrino.engine;

import dev.neutrino.db.Database;
import dev.neutrino.model.Attribute;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The generic engine of one API, built from extension declarations and nothing else: a
 * {@link ResourceService} per declared resource (its own attributes plus those every enabled
 * extension adds to its collection), the member actions the declarations name, the extra
 * top-level endpoints, and the after-commit notification. It knows no extension: extensions give
 * it their declarations, then attach their behaviour (hooks, action handlers, endpoints, change
 * listeners) to the services it built.
 */
public final class Engine {
    private final List<ExtensionDef> extensions;
    private final Map<String, ResourceService> byCollection = new LinkedHashMap<>();
    private final Map<String, ResourceService> byPath = new LinkedHashMap<>();
    private final Map<String, ExtensionDef.Action> declaredActions = new LinkedHashMap<>();
    private final Map<String, MemberAction> actions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Endpoint> subEndpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Runnable> committedListeners = new CopyOnWriteArrayList<>();
    private final Quotas quotas;
    private final Policy policy;
    private final Database db;

    /**
     * @param core the resources that are no extension (the core plugin's networks, subnets, ports)
     * @param declared every extension the application has (the engine's own first, see
     *     {@link EngineExtensions})
     * @param enabled whether an extension is in the API (false for one whose ML2 extension driver
     *     is not loaded): a disabled extension is not listed and its attributes are left out
     */
    public Engine(List<ResourceDef> core, List<ExtensionDef> declared, Predicate<String> enabled, Database db, Quotas quotas, Policy policy) {
        this.db = db;
        this.quotas = quotas;
        List<ExtensionDef> on = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (ExtensionDef e : declared) {
            if (aliases.put(e.alias(), e.name()) != null) {
                throw new IllegalArgumentException("extension " + e.alias() + " is declared twice");
            }
            if (enabled.test(e.alias())) on.add(e);
        }
        for (ExtensionDef e : on) {
            for (String r : e.requires()) {
                if (on.stream().noneMatch(o -> o.alias().equals(r))) {
                    throw new IllegalArgumentException("extension " + e.alias() + " requires " + r
                            + ", which is not " + (aliases.containsKey(r) ? "enabled" : "declared"));
                }
            }
        }
        this.extensions = List.copyOf(on);
        List<dev.neutrino.policy.RuleDefault> declaredRules = new ArrayList<>();
        for (ExtensionDef e : on) declaredRules.addAll(e.policies());
        this.policy = declaredRules.isEmpty() ? policy : policy.withDefaults(declaredRules);
        List<ResourceDef> resources = new ArrayList<>(core);
        for (ExtensionDef e : on) resources.addAll(e.resources());
        for (ResourceDef r : resources) {
            {
                List<Attribute> added = new ArrayList<>();
                for (ExtensionDef other : on) {
                    for (Attribute a : other.attributesOf(r.collection())) {
                        if (r.has(a.name()) || added.stream().anyMatch(x -> x.name().equals(a.name()))) {
                            throw new IllegalArgumentException("extension " + other.alias() + " adds "
                                    + r.collection() + "." + a.name() + ", which is already declared");
                        }
                        added.add(a);
                    }
                }
                ResourceDef def = r.with(added).without(a -> a.extensionAlias() != null
                        && aliases.containsKey(a.extensionAlias()) && !enabled.test(a.extensionAlias()));
                requireRules(def);
                ResourceService svc = new ResourceService(def, db, quotas, this::fireCommitted, this.policy);
                if (byCollection.put(def.collection(), svc) != null) {
                    throw new IllegalArgumentException("resource " + def.collection() + " is declared twice");
                }
                byPath.put(def.path(), svc);
                if (quotas != null) quotas.track(def.singular(), def.table());
            }
        }
        for (ExtensionDef e : on) {
            for (ExtensionDef.Action a : e.actions()) {
                requireRule(a.name(), "action " + a.collection() + "/" + a.name());
                declaredActions.put(a.collection() + "/" + a.name(), a);
            }
        }
        for (ExtensionDef e : on) {
            for (String collection : e.attributes().keySet()) {
                if (!byCollection.containsKey(collection)) {
                    throw new IllegalArgumentException("extension " + e.alias() + " extends " + collection
                            + ", which no enabled extension declares");
                }
            }
        }
    }

    /**
     * Every declared resource has the policy rules its operations check ({@code get_},
     * {@code delete_}, and {@code create_}/{@code update_} when an attribute of its own may be given
     * — a standard {@code description} alone, as on security group rules, has no rule in Neutron),
     * every action its rule: from Neutron's Zed defaults, or from its extension's
     * {@link ExtensionDef#policies()}.
     */
    private void requireRules(ResourceDef def) {
        String what = "resource " + def.collection();
        requireRule("get_" + def.singular(), what);
        if (def.attributes().stream().anyMatch(a -> a.allowPost() && !a.name().equals("description"))) {
            requireRule("create_" + def.singular(), what);
        }
        if (def.attributes().stream().anyMatch(a -> a.allowPut() && !a.name().equals("description"))) {
            requireRule("update_" + def.singular(), what);
        }
        requireRule("delete_" + def.singular(), what);
    }

    private void requireRule(String rule, String what) {
        if (!policy.hasRule(rule)) {
            throw new IllegalArgumentException(what + " has no policy rule " + rule
                    + ": declare its default in the extension (ExtensionDef.Builder.policy)");
        }
    }

    /** The service of a declared resource (by its collection), or an error when it is not declared. */
    public ResourceService service(ResourceDef declared) {
        ResourceService s = byCollection.get(declared.collection());
        if (s == null) throw new IllegalArgumentException("resource " + declared.collection() + " is not declared");
        return s;
    }

    /** The service behind a URL segment ({@code security-groups}), or null. */
    public ResourceService serviceAt(String path) {
        return byPath.get(path);
    }

    public Collection<ResourceService> services() {
        return byCollection.values();
    }

    /** The enabled extensions, in declaration order: what {@code GET /v2.0/extensions} lists. */
    public List<ExtensionDef> extensions() {
        return extensions;
    }

    public boolean hasExtension(String alias) {
        for (ExtensionDef e : extensions) if (e.alias().equals(alias)) return true;
        return false;
    }

    /** Handles a member action that an enabled extension declared (an undeclared one is a wiring error). */
    public void handle(ExtensionDef.Action action, MemberAction handler) {
        String key = action.collection() + "/" + action.name();
        if (!declaredActions.containsKey(key)) throw new IllegalArgumentException("action " + key + " is not declared");
        ResourceService svc = byCollection.get(action.collection());
        actions.put(svc.def().path() + "/" + action.name(), handler);
    }

    /** The handler of a declared action (for extensions that build with others' actions), or an error. */
    public MemberAction action(ExtensionDef.Action action) {
        MemberAction handler = action(byCollection.get(action.collection()).def().path(), action.name());
        if (handler == null) throw new IllegalStateException("action " + action + " has no handler yet");
        return handler;
    }

    /** The handler of {@code PUT /v2.0/{path}/{id}/{action}}, or null. */
    public MemberAction action(String path, String action) {
        return actions.get(path + "/" + action);
    }

    /** Serves {@code /v2.0/{path}...} (a path that is not a resource). */
    public void endpoint(String path, Endpoint endpoint) {
        if (byPath.containsKey(path)) throw new IllegalArgumentException(path + " is a resource");
        if (endpoints.putIfAbsent(path, endpoint) != null) throw new IllegalArgumentException(path + " is served twice");
    }

    public Endpoint endpoint(String path) {
        return endpoints.get(path);
    }

    /**
     * Serves {@code /v2.0/{path}/{id}/{sub}...} below each member of a declared resource (a
     * sub-resource such as a port's {@code bindings}, neutron-lib's SUB_RESOURCE_ATTRIBUTE_MAP): the
     * endpoint gets the whole path and answers it, the parent's id included. It may not shadow the
     * resource's tags or a declared action.
     */
    public void subEndpoint(ResourceDef parent, String sub, Endpoint endpoint) {
        ResourceService svc = service(parent);
        if (sub.equals("tags") || declaredActions.containsKey(parent.collection() + "/" + sub)) {
            throw new IllegalArgumentException(parent.collection() + "/" + sub + " is an action or tags");
        }
        if (subEndpoints.putIfAbsent(svc.def().path() + "/" + sub, endpoint) != null) {
            throw new IllegalArgumentException(parent.collection() + "/" + sub + " is served twice");
        }
    }

    /** The endpoint of {@code /v2.0/{path}/{id}/{sub}...}, or null. */
    public Endpoint subEndpoint(String path, String sub) {
        return subEndpoints.get(path + "/" + sub);
    }

    /** Declared actions that no extension handles (empty once the application is wired). */
    public List<String> unhandledActions() {
        List<String> out = new ArrayList<>();
        for (var e : declaredActions.entrySet()) {
            ResourceService svc = byCollection.get(e.getValue().collection());
            if (!actions.containsKey(svc.def().path() + "/" + e.getValue().name())) out.add(e.getKey());
        }
        return out;
    }

    /** Called after every committed write (from the writing thread, outside any transaction). */
    public void onCommitted(Runnable listener) {
        committedListeners.add(listener);
    }

    /** Tells the listeners that committed state changed (member actions and tag writes call it too). */
    public void fireCommitted() {
        for (Runnable r : committedListeners) r.run();
    }

    public Quotas quotas() { return quotas; }
    public Policy policy() { return policy; }
    public Database db() { return db; }
}
