package dev.realtimetck.mockserver.metrics;

import dev.realtimetck.mockserver.core.Frame;
import dev.realtimetck.mockserver.core.MockSession;
import dev.realtimetck.mockserver.core.SessionObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The metrics of one mock server, scraped in the Prometheus text format (version 0.0.4) from
 * {@code GET /__admin/metrics}. Each server has its own registry, so servers in one JVM never mix their counts.
 *
 * <ul>
 *   <li>{@code realtime_mock_sessions_open} (gauge), {@code realtime_mock_sessions_total} (counter)</li>
 *   <li>{@code realtime_mock_frames_total{direction="in"|"out",kind="text"|"binary"|"close"|"drop"}}</li>
 *   <li>{@code realtime_mock_problems_total}</li>
 *   <li>{@code realtime_mock_audio_lateness_seconds} (histogram): how late the simulator sent paced audio chunks</li>
 * </ul>
 */
public final class ServerMetrics implements SessionObserver {

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge open = Gauge.builder().name("realtime_mock_sessions_open")
            .help("WebSocket sessions open now").withoutExemplars().register(registry);
    private final Counter sessions = Counter.builder().name("realtime_mock_sessions_total")
            .help("WebSocket sessions opened since the server started").withoutExemplars().register(registry);
    private final Counter frames = Counter.builder().name("realtime_mock_frames_total")
            .help("WebSocket frames by direction (in: from the client) and kind").labelNames("direction", "kind")
            .withoutExemplars().register(registry);
    private final Counter problems = Counter.builder().name("realtime_mock_problems_total")
            .help("Session problems recorded (mismatches, schema violations, behaviour failures)").withoutExemplars().register(registry);
    private final Histogram lateness = Histogram.builder().name("realtime_mock_audio_lateness_seconds")
            .help("How late paced audio chunks were sent compared to their schedule").classicOnly()
            .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0).withoutExemplars().register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Override
    public void opened(MockSession session) {
        open.inc();
        sessions.inc();
    }

    @Override
    public void frame(MockSession session, Frame frame) {
        frames.labelValues(frame.direction() == Frame.Direction.CLIENT ? "in" : "out",
                frame.kind().name().toLowerCase(Locale.ROOT)).inc();
    }

    @Override
    public void problem(MockSession session, String problem) {
        problems.inc();
    }

    @Override
    public void audioLateness(MockSession session, Duration late) {
        lateness.observe(late.toNanos() / 1e9);
    }

    @Override
    public void closed(MockSession session) {
        open.dec();
    }

    /** The current values in the Prometheus text format. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
