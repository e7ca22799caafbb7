package dev.neutrino.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -cp ... dev.neutrino.bench.BenchMain workload|report ...}; bench/run.sh drives it. */
@Command(name = "neutrino-bench", mixinStandardHelpOptions = true,
        description = "Side-by-side benchmarks of Neutrino and the Python neutron-server.",
        subcommands = {Workload.class, Report.class, OvnLatency.class})
public final class BenchMain implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }
}
