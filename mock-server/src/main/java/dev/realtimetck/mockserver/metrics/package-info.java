/**
 * Feature: the server's Prometheus metrics ({@code GET /__admin/metrics}), fed by the core's
 * {@code SessionObserver}. Imports the core only.
 */
package dev.realtimetck.mockserver.metrics;
