package dev.neutrino.ovsdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code ovsdb-server} for tests: its own database file, unix socket, control socket and
 * log in a temporary directory. Installs nothing: when the OVS/OVN tools are missing, {@link #create}
 * fails with a message saying what to install.
 */
public final class OvsdbServerProcess implements AutoCloseable {
    public static final Path NB_SCHEMA = Path.of("/usr/share/ovn/ovn-nb.ovsschema");

    private final Path dir;
    private final Path dbFile;
    private final Path socket;
    private final int tcpPort;
    private final int sslPort;
    private List<String> ssl = List.of();
    private Process process;

    private OvsdbServerProcess(Path dir) throws IOException {
        this.dir = dir;
        this.dbFile = dir.resolve("db.db");
        this.socket = dir.resolve("db.sock");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket probe2 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.tcpPort = probe.getLocalPort(); // free now; the server listens on it too
            this.sslPort = probe2.getLocalPort(); // used only when started with TLS
        }
    }

    /**
     * A standalone OVN_Northbound database in {@code dir}, not started yet.
     *
     * @param clustered true for a one-server cluster (ovsdb-tool create-cluster), which tracks
     *                  transaction ids and so serves {@code monitor_cond_since} resumption
     */
    public static OvsdbServerProcess create(Path dir, boolean clustered) throws IOException, InterruptedException {
        requireTools();
        Files.createDirectories(dir);
        OvsdbServerProcess server = new OvsdbServerProcess(dir);
        if (clustered) {
            run("ovsdb-tool", "create-cluster", server.dbFile.toString(), NB_SCHEMA.toString(), server.raftRemote());
        } else {
            run("ovsdb-tool", "create", server.dbFile.toString(), NB_SCHEMA.toString());
        }
        return server;
    }

    /** A server in {@code dir} that joins the cluster of {@code seed} (ovsdb-tool join-cluster), not started yet. */
    public static OvsdbServerProcess joinCluster(Path dir, OvsdbServerProcess seed) throws IOException, InterruptedException {
        requireTools();
        Files.createDirectories(dir);
        OvsdbServerProcess server = new OvsdbServerProcess(dir);
        run("ovsdb-tool", "join-cluster", server.dbFile.toString(), "OVN_Northbound", server.raftRemote(), seed.raftRemote());
        return server;
    }

    /** The address this server uses to talk to the other members of its cluster. */
    public String raftRemote() {
        return "unix:" + dir.resolve("raft.sock");
    }

    /** Fails (does not skip) with an explanation when ovsdb-server or the OVN schema is missing. */
    public static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!onPath("ovsdb-server")) {
            missing.add("ovsdb-server (Debian package openvswitch-common)");
        }
        if (!onPath("ovsdb-tool")) {
            missing.add("ovsdb-tool (Debian package openvswitch-common)");
        }
        if (!Files.isRegularFile(NB_SCHEMA)) {
            missing.add(NB_SCHEMA + " (Debian package ovn-common, pulled in by ovn-central)");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("OVSDB integration tests need a real ovsdb-server, but these are missing: "
                    + String.join(", ", missing) + ". Run scripts/ovn-services.sh (or apt-get install ovn-central"
                    + " openvswitch-switch) first.");
        }
    }

    private static boolean onPath(String program) {
        for (String entry : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    public Path socket() {
        return socket;
    }

    /** The TCP port the server also listens on, on 127.0.0.1. */
    public int tcpPort() {
        return tcpPort;
    }

    /** The TLS port (pssl:) on 127.0.0.1, when started by {@link #startWithSsl}. */
    public int sslPort() {
        return sslPort;
    }

    public String remote() {
        return "unix:" + socket;
    }

    public Path dbFile() {
        return dbFile;
    }

    /**
     * Starts the server with a TLS remote too ({@code --remote=pssl:}{@link #sslPort()}{@code :127.0.0.1}),
     * presenting {@code certificate} and accepting clients whose certificate {@code caCert} signed (as
     * ovsdb-server does, it requires one); a later {@link #start} after {@link #kill} keeps it.
     */
    public OvsdbServerProcess startWithSsl(Path privateKey, Path certificate, Path caCert)
            throws IOException, InterruptedException {
        ssl = List.of("--remote=pssl:" + sslPort + ":127.0.0.1", "--private-key=" + privateKey,
                "--certificate=" + certificate, "--ca-cert=" + caCert);
        return start();
    }

    /** Starts the server and waits until it accepts connections. */
    public OvsdbServerProcess start() throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        List<String> command = new ArrayList<>(List.of(program("ovsdb-server"),
                "--remote=punix:" + socket,
                "--remote=ptcp:" + tcpPort + ":127.0.0.1",
                "--unixctl=" + dir.resolve("ovsdb-server.ctl"),
                "--log-file=" + dir.resolve("ovsdb-server.log"),
                "-vconsole:off", "-vfile:info"));
        command.addAll(ssl);
        command.add(dbFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ovsdb-server.out").toFile()));
        builder.environment().put("OVS_RUNDIR", dir.toString());
        builder.environment().put("OVS_DBDIR", dir.toString());
        process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // no orphan if the JVM dies
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ovsdb-server exited with " + process.exitValue() + "; see "
                        + dir.resolve("ovsdb-server.out") + ": " + Files.readString(dir.resolve("ovsdb-server.out")));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ovsdb-server did not create " + socket);
            }
            Thread.sleep(20);
        }
        while (!ssl.isEmpty() && !listening(sslPort)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ovsdb-server does not listen on pssl:" + sslPort);
            }
            Thread.sleep(20);
        }
        return this;
    }

    private static boolean listening(int port) {
        try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server's log so far (TLS failures are logged there, by stream_ssl). */
    public String log() throws IOException {
        Path log = dir.resolve("ovsdb-server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Freezes the server (SIGSTOP): connections stay open, nothing is answered until {@link #resume}. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@link #pause}d server go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (process == null) throw new IllegalStateException("not running");
        int code = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (code != 0) throw new IllegalStateException("kill -" + name + " exited with " + code);
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Changes the database file directly while the server is down ({@code ovsdb-tool transact}). */
    public String offlineTransact(String transactJson) throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("stop the server first");
        }
        return run("ovsdb-tool", "transact", dbFile.toString(), transactJson);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    private static String program(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return name;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        command[0] = program(command[0]);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
