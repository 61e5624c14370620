/** tck module of Realtime TCK. */
package dev.realtimetck.tck;
