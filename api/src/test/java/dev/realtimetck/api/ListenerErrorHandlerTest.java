package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ListenerErrorHandlerTest {

    @Test
    void loggingHandlerLogsAWarningWithTheEventNameAndTheThrowable() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // no slf4j or other System.LoggerFinder on this module's test class path: System.Logger goes to JUL
        Logger logger = Logger.getLogger(ListenerErrorHandler.class.getName());
        logger.addHandler(capture);
        try {
            IllegalStateException error = new IllegalStateException("expected in this test");

            ListenerErrorHandler.logging().listenerFailed("turn_done", error);

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains("turn_done");
                assertThat(record.getThrown()).isSameAs(error);
            });
        } finally {
            logger.removeHandler(capture);
        }
    }
}
