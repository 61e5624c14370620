package dev.realtimetck.tck.runner;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Prints one line per finished TCK test that did not pass, and a dot per passed one. */
final class ProgressListener implements TestExecutionListener {

    private final PrintStream out;
    private int column;

    ProgressListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            out.print('.');
            if (++column == 80) {
                out.println();
                column = 0;
            }
        } else {
            if (column > 0) {
                out.println();
                column = 0;
            }
            String message = result.getThrowable().map(Throwable::getMessage).orElse(result.getStatus().name());
            String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
            out.println("FAIL " + first);
        }
        out.flush();
    }
}
