package dev.neutrino.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * A Neutrino server in a JVM of its own ({@code dev.neutrino.server.Main server --config-file ...}),
 * as operators run it: several of these can share one database.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server on a free port against the given database and waits until it answers. */
    static ServerProcess start(String jdbcUrl, Path dir, String name) throws Exception {
        int port = freePort();
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, "[DEFAULT]\nbind_host = 127.0.0.1\nbind_port = " + port + "\n"
                + "state_path = " + dir.resolve(name + "-state") + "\n\n[database]\nconnection = " + jdbcUrl + "\n",
                StandardCharsets.UTF_8);
        Path log = dir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1"); // C1 only: starts faster on small machines
        cmd.add("-cp");
        cmd.add(classpath(dir.getParent()));
        cmd.add("dev.neutrino.server.Main");
        cmd.add("server");
        cmd.add("--config-file");
        cmd.add(conf.toString());
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess sp = new ServerProcess(p, port, log);
        try {
            sp.awaitListening(90);
            System.err.printf("%s listening on %d after %d ms%n", name, port,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | Error e) {
            sp.close();
            throw e;
        }
        return sp;
    }

    private static String snapshot;

    /**
     * This JVM's classpath for the server processes, with private copies of the dev.neutrino jars: a
     * {@code mvn install} of the main modules running meanwhile rewrites the jars in the local repository,
     * and a server that loads a class late from a half-written jar fails with NoClassDefFoundError.
     */
    static synchronized String classpath(Path workDir) throws IOException {
        if (snapshot != null) return snapshot;
        Path jars = Files.createDirectories(workDir.resolve("jars"));
        List<String> out = new ArrayList<>();
        for (Path entry : classpathEntries()) {
            String text = entry.toString();
            // the server needs no class directories (this module's tests)
            if (!text.endsWith(".jar") || !Files.isRegularFile(entry)) continue;
            if (text.contains("dev" + java.io.File.separator + "neutrino")) {
                Path copy = jars.resolve(entry.getFileName());
                Files.copy(entry, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                out.add(copy.toAbsolutePath().toString());
            } else {
                out.add(entry.toAbsolutePath().toString());
            }
        }
        snapshot = String.join(java.io.File.pathSeparator, out);
        return snapshot;
    }

    /** java.class.path, with surefire's manifest-only booter jar expanded to the entries it names. */
    private static List<Path> classpathEntries() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Path.of(e);
            String manifestClassPath = null;
            if (p.getFileName().toString().startsWith("surefirebooter") && e.endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    manifestClassPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                }
            }
            if (manifestClassPath == null) {
                out.add(p);
                continue;
            }
            for (String u : manifestClassPath.trim().split("\\s+")) {
                out.add(Path.of(p.getParent().toUri().resolve(u)));
            }
        }
        return out;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitListening(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server process exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not listen on " + port + " within " + seconds + "s:\n"
                + logTail());
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
