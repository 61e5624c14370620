package dev.realtimetck.tck.bridge;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.RealtimeTransportTck;
import dev.realtimetck.tck.TckTiming;
import dev.realtimetck.tck.TckTransportSettings;
import dev.realtimetck.tck.TransportCapabilities;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole TCK run over the bridge on the transport of an adapter process: every rule, unchanged, on a
 * {@link BridgedTransport}. The adapter command comes from the system property {@code tck.adapter} (or the
 * environment variable {@code TCK_ADAPTER}), for example {@code node my-adapter.mjs}; the capabilities are those
 * the adapter declares in its handshake, and the handshake goes into the report header. The runner jar runs this
 * class; a subclass may override {@link #adapterCommand()}.
 */
@ExtendWith(BridgeDiagnosis.class)
public class BridgeTck extends RealtimeTransportTck {

    /** System property naming the adapter command. */
    public static final String ADAPTER = "tck.adapter";

    /** Used by JUnit. */
    public BridgeTck() {
    }

    /**
     * The adapter command line.
     *
     * @throws IllegalStateException when none is configured
     */
    protected String adapterCommand() {
        return Optional.ofNullable(System.getProperty(ADAPTER)).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("TCK_ADAPTER")).filter(s -> !s.isBlank()))
                .orElseThrow(() -> new IllegalStateException("no adapter command: set -D" + ADAPTER
                        + "=\"node my-adapter.mjs\" (or TCK_ADAPTER), or use the runner's --adapter"));
    }

    /** The adapter process (started on first use, restarted after a broken bridge). */
    public BridgeProcess bridge(Duration requestBound) {
        return BridgeProcesses.forCommand(AdapterCommand.split(adapterCommand()), requestBound);
    }

    /** The process of this class's command if one was started, else null. */
    BridgeProcess startedBridge() {
        return BridgeProcesses.current(AdapterCommand.split(adapterCommand()));
    }

    @Override
    public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
        return BridgedTransport.create(bridge(settings.signalTimeout()), settings);
    }

    @Override
    public TransportCapabilities capabilities() {
        return bridge(TckTiming.fromSystem().signalTimeout()).handshake().capabilities();
    }

    @Override
    public Map<String, String> reportHeader() {
        BridgeProcess bridge = bridge(TckTiming.fromSystem().signalTimeout());
        Map<String, String> header = new LinkedHashMap<>(bridge.handshake().reportHeader());
        header.put("adapterCommand", bridge.displayCommand());
        return header;
    }

    /** The words of the adapter command (for subclasses that build it). */
    protected static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(w.isEmpty() || w.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\'
                    || c == '\'') ? "'" + w.replace("'", "") + "'" : w);
        }
        return out.toString();
    }
}
