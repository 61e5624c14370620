package dev.realtimetck.tck.bridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that start {@link JavaReferenceAdapter} in a child JVM with this test run's class path. */
public final class JavaAdapters {

    private JavaAdapters() {
    }

    /** {@code java -cp <test class path> dev.realtimetck.tck.bridge.JavaReferenceAdapter <options>}. */
    public static List<String> command(String... options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(JavaReferenceAdapter.class.getName());
        command.addAll(List.of(options));
        return command;
    }

    /** The same, as one command line for {@code tck.adapter}. */
    public static String commandLine(String... options) {
        return BridgeTck.join(command(options));
    }
}
