/** benchmarks module of Realtime TCK. */
package dev.realtimetck.benchmarks;
