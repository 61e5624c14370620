package dev.realtimetck.referencetransport.differential;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.ContentPart;
import dev.realtimetck.api.ItemDeleted;
import dev.realtimetck.api.McpToolInfo;
import dev.realtimetck.api.McpToolsListed;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.Signal;
import dev.realtimetck.api.TextDelta;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportAudioEvent;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnDone;
import dev.realtimetck.api.TurnStarted;
import dev.realtimetck.api.Usage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit mapping from the Java API's event payloads to the JSON the TypeScript transport emits for the same
 * event (key names and nesting as in {@code transportLayerEvents.ts} and {@code items.ts}), so that the two can be
 * compared field by field. The mapping renames and re-nests; it never drops information the Java value carries:
 * a Java field with no TypeScript counterpart (for example {@code FunctionCall.callId}) is kept under its own
 * name and shows up as a difference. A Java {@code null} is rendered as an absent key, except where the
 * TypeScript type declares the key always present ({@code output} of tool and MCP call items).
 */
final class EventShapes {

    private EventShapes() {
    }

    /** The TypeScript-shaped payload of a Java event, or {@code null} for a signal (an event without payload). */
    static Object payload(Object event) {
        if (event instanceof Signal) {
            return null;
        }
        if (event instanceof ConnectionStatus status) {
            return status.wireValue();
        }
        if (event instanceof RealtimeServerEvent raw) {
            return raw.toMap();
        }
        if (event instanceof TransportError.ServerError error) {
            return object("type", "error", "error", error.event().toMap());
        }
        if (event instanceof TransportError.Failure) {
            return object("type", "error", "error", Map.of("$error", true));
        }
        if (event instanceof TransportAudioEvent audio) {
            return object("type", "audio", "data", Base64.getEncoder().encodeToString(audio.copyBytes()),
                    "responseId", audio.responseId());
        }
        if (event instanceof TranscriptDelta d) {
            return object("type", "transcript_delta", "delta", d.delta(), "itemId", d.itemId(),
                    "responseId", d.responseId());
        }
        if (event instanceof TextDelta d) {
            return object("type", "output_text_delta", "delta", d.delta(), "itemId", d.itemId(),
                    "responseId", d.responseId());
        }
        if (event instanceof Usage usage) {
            return object("requests", usage.requests(), "inputTokens", usage.inputTokens(),
                    "outputTokens", usage.outputTokens(), "totalTokens", usage.totalTokens(),
                    "inputTokensDetails", usage.inputTokensDetails(),
                    "outputTokensDetails", usage.outputTokensDetails());
        }
        if (event instanceof TurnStarted started) {
            return object("type", "response_started", "providerData", started.providerData().toMap());
        }
        if (event instanceof TurnDone done) {
            // TypeScript's turn_done usage has no `requests` and one details object each (X18); the Java record
            // reuses Usage, whose details are one-element lists
            Usage u = done.response().usage();
            Map<String, Object> usage = object("inputTokens", u.inputTokens(),
                    "inputTokensDetails", single(u.inputTokensDetails()), "outputTokens", u.outputTokens(),
                    "outputTokensDetails", single(u.outputTokensDetails()), "totalTokens", u.totalTokens());
            return object("type", "response_done", "response", object("id", done.response().id(),
                    "output", done.response().output(), "usage", usage));
        }
        if (event instanceof TransportToolCallEvent call) {
            return object("id", call.id(), "type", "function_call", "callId", call.callId(),
                    "arguments", call.arguments(), "name", call.name(), "responseId", call.responseId(),
                    "previousItemId", call.previousItemId());
        }
        if (event instanceof ItemDeleted deleted) {
            return object("itemId", deleted.itemId());
        }
        if (event instanceof McpToolsListed listed) {
            return object("serverLabel", listed.serverLabel(),
                    "tools", listed.tools().stream().map(EventShapes::tool).toList());
        }
        if (event instanceof RealtimeItem item) {
            return item(item);
        }
        throw new IllegalArgumentException("no TypeScript shape for " + event.getClass().getName());
    }

    static Map<String, Object> item(RealtimeItem item) {
        if (item instanceof RealtimeItem.Message m) {
            Map<String, Object> out = object("itemId", m.itemId());
            if (m.hasPreviousItemId()) {
                out.put("previousItemId", m.previousItemId()); // null = first in the conversation (B25)
            }
            out.putAll(object("type", "message",
                    "role", m.role().wireValue(), "status", m.status() == null ? null : m.status().wireValue(),
                    "content", m.content().stream().map(EventShapes::part).toList()));
            return out;
        }
        if (item instanceof RealtimeItem.FunctionCall f) {
            Map<String, Object> out = object("itemId", f.itemId(), "previousItemId", f.previousItemId(),
                    "type", "function_call", "status", f.status().wireValue(), "arguments", f.arguments(),
                    "name", f.name(), "callId", f.callId());
            out.put("output", f.output());
            return out;
        }
        if (item instanceof RealtimeItem.McpCall c) {
            Map<String, Object> out = object("itemId", c.itemId(), "previousItemId", c.previousItemId(),
                    "type", c.type(), "status", c.status().wireValue(), "arguments", c.arguments(),
                    "name", c.name());
            out.put("output", c.output());
            return out;
        }
        RealtimeItem.McpApprovalRequest r = (RealtimeItem.McpApprovalRequest) item;
        return object("itemId", r.itemId(), "type", "mcp_approval_request", "serverLabel", r.serverLabel(),
                "name", r.name(), "arguments", r.arguments(), "approved", r.approved());
    }

    private static Map<String, Object> part(ContentPart part) {
        if (part instanceof ContentPart.InputText p) {
            return object("type", "input_text", "text", p.text());
        }
        if (part instanceof ContentPart.OutputText p) {
            return object("type", "output_text", "text", p.text());
        }
        if (part instanceof ContentPart.InputAudio p) {
            return object("type", "input_audio", "audio", p.audio(), "transcript", p.transcript());
        }
        if (part instanceof ContentPart.OutputAudio p) {
            return object("type", "output_audio", "audio", p.audio(), "transcript", p.transcript());
        }
        ContentPart.InputImage p = (ContentPart.InputImage) part;
        return object("type", "input_image", "image_url", p.imageUrl(), "detail", p.detail());
    }

    private static Map<String, Object> tool(McpToolInfo tool) {
        Map<String, Object> out = object("name", tool.name(), "description", tool.description());
        if (!tool.inputSchema().isEmpty()) {
            out.put("input_schema", tool.inputSchema());
        }
        out.putAll(tool.extra());
        return out;
    }

    private static Object single(List<Map<String, Object>> details) {
        return details.isEmpty() ? Map.of() : details.get(0);
    }

    /** An ordered map of the key/value pairs, leaving out null values (TypeScript's undefined). */
    private static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }
}
