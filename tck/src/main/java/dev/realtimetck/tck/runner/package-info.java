/** The command line of {@code realtime-tck-runner.jar}: the TCK over the bridge, with options and a report. */
package dev.realtimetck.tck.runner;
