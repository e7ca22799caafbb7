package dev.neutrino.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory and CPU of a process and all its descendants, read from /proc (Linux only): a server is
 * judged by its whole tree, e.g. neutron-server's parent plus its forked API, RPC and periodic
 * workers. Processes that vanish between two reads are skipped.
 */
final class ProcTree {
    /** One reading of the tree. */
    record Reading(int processes, long rssKb, long hwmKb, long cpuTicks) {}

    private final long rootPid;

    ProcTree(long rootPid) {
        this.rootPid = rootPid;
    }

    boolean alive() {
        return Files.isDirectory(Path.of("/proc", Long.toString(rootPid)));
    }

    /** The root and every descendant, found through the ppid field of /proc/PID/stat. */
    List<Long> pids() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
                String[] stat = stat(Long.parseLong(name));
                if (stat == null) continue;
                long ppid = Long.parseLong(stat[1]);
                children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(Long.parseLong(name));
            }
        } catch (IOException e) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(rootPid);
        while (!todo.isEmpty()) {
            long pid = todo.poll();
            out.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    /** Sum of VmRSS and VmHWM (kB) and of utime+stime+cutime+cstime (clock ticks) over the tree. */
    Reading read() {
        int n = 0;
        long rss = 0, hwm = 0, cpu = 0;
        for (long pid : pids()) {
            String[] stat = stat(pid);
            if (stat == null) continue;
            n++;
            // fields after "(comm)": state=0 ppid=1 ... utime=11 stime=12 cutime=13 cstime=14
            cpu += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                    + Long.parseLong(stat[14]);
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) rss += kb(line);
                    else if (line.startsWith("VmHWM:")) hwm += kb(line);
                }
            } catch (IOException e) {
                // exited meanwhile
            }
        }
        return new Reading(n, rss, hwm, cpu);
    }

    private static long kb(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }

    /** The fields of /proc/PID/stat after the command name, or null when the process is gone. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = s.lastIndexOf(')');
            return s.substring(close + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Samples the tree in the background and keeps the peak of the summed RSS. */
    static final class Sampler implements AutoCloseable {
        private final ProcTree tree;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peakRssKb;
        private volatile int peakProcesses;
        private volatile long samples;

        Sampler(ProcTree tree, long intervalMillis) {
            this.tree = tree;
            this.thread = Thread.ofPlatform().daemon().name("proc-sampler").start(() -> {
                while (running) {
                    sampleOnce();
                    try {
                        Thread.sleep(intervalMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        synchronized Reading sampleOnce() {
            Reading r = tree.read();
            if (r.rssKb() > peakRssKb) peakRssKb = r.rssKb();
            if (r.processes() > peakProcesses) peakProcesses = r.processes();
            samples++;
            return r;
        }

        long peakRssKb() {
            return peakRssKb;
        }

        int peakProcesses() {
            return peakProcesses;
        }

        long samples() {
            return samples;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(2000);
        }
    }
}
