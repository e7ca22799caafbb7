package dev.neutrino.server;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import dev.neutrino.db.Database;
import dev.neutrino.db.Schema;
import dev.neutrino.ext.core.CoreOptions;
import dev.neutrino.ovn.OvnOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/neutrino}: one launcher, several subcommands. */
@Command(name = "neutrino", mixinStandardHelpOptions = true, versionProvider = Main.ReleaseVersion.class,
        description = "An OpenStack Neutron compatible networking service.",
        subcommands = {Main.ServerCommand.class, Main.DbCommand.class, Main.PolicyCommand.class,
            Main.OvnDbSync.class, ProbeCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ConfigException) {
                        cmd.getErr().println("neutrino: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                })
                .execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** {@code --version}: this build's release. */
    static final class ReleaseVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"neutrino " + Release.CURRENT};
        }
    }

    /** --config-file, repeatable, merged in order as oslo.config does. */
    static class ConfigFiles {
        @Option(names = "--config-file", paramLabel = "FILE", description = "neutron.conf style file (repeatable)")
        List<Path> files = new ArrayList<>();

        Config load() throws Exception {
            for (Path p : files) {
                if (!p.toFile().isFile()) throw new ConfigException("config file not found: " + p);
            }
            return Config.of(IniFile.load(files), AllOptions.ALL);
        }
    }

    @Command(name = "server", description = "Run the API server.")
    static final class ServerCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigFiles config = new ConfigFiles();

        @Override
        public Integer call() throws Exception {
            NeutrinoServer server = NeutrinoServer.start(config.load());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    // shutting down anyway
                }
            }));
            server.join();
            return 0;
        }
    }

    @Command(name = "db", description = "Database schema management.",
            subcommands = {DbUpgrade.class, DbStatus.class})
    static final class DbCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(name = "upgrade", description = "Apply schema migrations (expand, then contract).")
    static final class DbUpgrade implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigFiles config = new ConfigFiles();
        @Option(names = "--expand", description = "Only the additive migrations (safe with older servers running).")
        boolean expand;
        @Option(names = "--contract", description = "Only the contracting migrations (all servers upgraded).")
        boolean contract;

        @Override
        public Integer call() throws Exception {
            try (Database db = NeutrinoServer.openDatabase(config.load())) {
                return upgradeSchema(db, new Schema(db), expand || !contract, contract || !expand,
                        java.time.Clock.systemUTC(), System.out, System.err);
            }
        }
    }

    /**
     * {@code db upgrade}: the expand migrations, then (when asked) the contract ones, unless a live
     * server of an older release is registered: then nothing is contracted, the servers are named
     * and the answer is 3.
     */
    static int upgradeSchema(Database db, Schema schema, boolean expand, boolean contract, java.time.Clock clock,
                             java.io.PrintStream out, java.io.PrintStream err) {
        int n = 0;
        if (expand) n += schema.upgrade(Schema.Phase.EXPAND);
        if (contract && schema.status(Schema.Phase.CONTRACT).pending() > 0) {
            // contract migrations remove what older releases still use
            List<ServerRegistry.Entry> old = ServerRegistry.olderThan(db, clock, Release.CURRENT);
            if (!old.isEmpty()) {
                out.println("applied " + n + " migration(s) to " + db.url().display());
                err.println("neutrino: refusing to contract the schema: servers of an older release than "
                        + Release.CURRENT + " still run on this database; stop or upgrade them first:");
                for (ServerRegistry.Entry e : old) err.println("  " + e.describe(clock));
                return 3;
            }
            n += schema.upgrade(Schema.Phase.CONTRACT);
        }
        out.println("applied " + n + " migration(s) to " + db.url().display());
        return 0;
    }

    /**
     * What {@code db status} says of pending contract migrations: whether {@code db upgrade --contract}
     * would run now or wait for older servers to leave; null when none is pending.
     */
    static String contractReadiness(Database db, Schema schema, java.time.Clock clock) {
        int pending = schema.status(Schema.Phase.CONTRACT).pending();
        if (pending == 0) return null;
        List<ServerRegistry.Entry> old = ServerRegistry.olderThan(db, clock, Release.CURRENT);
        return old.isEmpty()
                ? "contract " + pending + " pending, ready: no server of a release older than " + Release.CURRENT
                        + " runs ('db upgrade --contract')"
                : "contract " + pending + " pending, waiting for " + old.size() + " server(s) of an older release to "
                        + "stop: " + String.join(", ", old.stream().map(e -> e.host() + " (" + e.release() + ")").toList());
    }

    @Command(name = "ovn-db-sync", description = "Compare OVN's northbound database with Neutrino's database; "
            + "in repair mode, make OVN match (missing rows created, stale ones updated, orphans deleted).")
    static final class OvnDbSync implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigFiles config = new ConfigFiles();
        @Option(names = "--mode", defaultValue = "log", description = "log (report only) or repair")
        String mode;

        @Override
        public Integer call() throws Exception {
            if (!mode.equals("log") && !mode.equals("repair")) {
                throw new ConfigException("--mode must be log or repair, not '" + mode + "'");
            }
            Config c = config.load();
            String nbConnection = c.get(OvnOptions.NB_CONNECTION);
            if (nbConnection.isBlank()) throw new ConfigException("[ovn] ovn_nb_connection is not set");
            String sbConnection = c.get(OvnOptions.SB_CONNECTION);
            try (Database db = NeutrinoServer.openDatabase(c);
                 var nb = dev.neutrino.ovsdb.OvsdbClient.connect(OvnOptions.northbound(c));
                 var sb = sbConnection.isBlank() ? null : dev.neutrino.ovsdb.OvsdbClient.connect(
                         OvnOptions.southbound(c));
                 var sync = new dev.neutrino.ovn.OvnNorthbound(new dev.neutrino.ext.Neutrino(c, db,
                         NeutrinoServer.loadPolicy(c)), db, nb, c.get(CoreOptions.BASE_MAC), java.time.Duration.ofHours(1))
                         .distributedFloatingIps(c.get(OvnOptions.DISTRIBUTED_FIP))
                         .emitNeedToFrag(c.get(OvnOptions.EMIT_NEED_TO_FRAG))
                         .dnsDomain(c.get(dev.neutrino.ext.dns.DnsOptions.DNS_DOMAIN))
                         .aclLogging(NeutrinoServer.aclLogging(c))
                         .recordPortStatus(false)) {
                NeutrinoServer.prepareSchema(new Schema(db));
                // the same inputs as the server's loop, or routers' gateway chassis (from the southbound
                // Chassis table) and distributed floating IPs would look orphaned and be "repaired" away
                if (sb != null) {
                    sync.chassis(new dev.neutrino.ovn.GatewayChassis(sb));
                } else {
                    System.err.println("ovn-db-sync: no [ovn] ovn_sb_connection: router gateways get no gateway "
                            + "chassis");
                }
                var diff = mode.equals("repair") ? sync.syncOnce() : sync.compare();
                for (var i : diff.inserts()) System.out.println("missing   " + i.row().table() + " " + i.row().key());
                for (var u : diff.updates()) {
                    System.out.println("stale     " + u.row().table() + " " + u.row().key() + " " + u.changed().keySet());
                }
                for (var d : diff.deletes()) System.out.println("orphaned  " + d.table() + " " + d.key());
                System.out.println((mode.equals("repair") ? "repaired: " : "found: ") + diff);
                return 0;
            }
        }
    }

    @Command(name = "policy", description = "Policy rules.", subcommands = {PolicySample.class, PolicyEffective.class})
    static final class PolicyCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(name = "generate-sample", description = "Print Neutron's default rules, commented, as policy.yaml.")
    static final class PolicySample implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(dev.neutrino.policy.Policy.defaults().generateSample());
            return 0;
        }
    }

    @Command(name = "effective", description = "Print the rules in force (defaults with policy_file overrides).")
    static final class PolicyEffective implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigFiles config = new ConfigFiles();

        @Override
        public Integer call() throws Exception {
            System.out.print(NeutrinoServer.loadPolicy(config.load()).generateEffective());
            return 0;
        }
    }

    @Command(name = "status", description = "Show the schema version of each migration phase.")
    static final class DbStatus implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigFiles config = new ConfigFiles();

        @Override
        public Integer call() throws Exception {
            try (Database db = NeutrinoServer.openDatabase(config.load())) {
                Schema schema = new Schema(db);
                for (Schema.Phase p : Schema.Phase.values()) {
                    Schema.Status s = schema.status(p);
                    System.out.printf("%-8s current=%s latest=%s pending=%d unknown=%s%n", p.name().toLowerCase(),
                            s.current(), s.latestKnown(), s.pending(), s.unknown());
                }
                if (schema.status(Schema.Phase.EXPAND).pending() == 0) {
                    for (ServerRegistry.Entry e : ServerRegistry.list(db, java.time.Clock.systemUTC())) {
                        System.out.println("server   " + e.describe(java.time.Clock.systemUTC()));
                    }
                    String contract = contractReadiness(db, schema, java.time.Clock.systemUTC());
                    if (contract != null) System.out.println(contract);
                }
                return 0;
            }
        }
    }
}
