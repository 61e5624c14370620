package dev.realtimetck.tck.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One live adapter process per command for the whole JVM (a TCK run creates hundreds of transports; starting a
 * process for each would dominate the run). A process whose bridge broke is replaced by a fresh one on the next
 * request, so one crashed test does not fail the rest. Every process is closed when the JVM exits.
 */
final class BridgeProcesses {

    private static final Map<List<String>, BridgeProcess> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BridgeProcesses::closeAll, "tck-bridge-shutdown"));
    }

    private BridgeProcesses() {
    }

    /** The live process for this command, started (and its handshake awaited) when there is none. */
    static synchronized BridgeProcess forCommand(List<String> command, Duration requestBound) {
        BridgeProcess p = LIVE.get(command);
        if (p == null || !p.isAlive()) {
            p = BridgeProcess.start(command, requestBound);
            LIVE.put(command, p);
        }
        return p;
    }

    /** The process for this command if one was started (alive or not), else null. */
    static BridgeProcess current(List<String> command) {
        return LIVE.get(command);
    }

    /** Closes every process (their adapters see the end of their standard input). */
    static synchronized void closeAll() {
        LIVE.values().forEach(BridgeProcess::close);
        LIVE.clear();
    }
}
