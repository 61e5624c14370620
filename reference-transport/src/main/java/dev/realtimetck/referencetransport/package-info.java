/** reference-transport module of Realtime TCK. */
package dev.realtimetck.referencetransport;
