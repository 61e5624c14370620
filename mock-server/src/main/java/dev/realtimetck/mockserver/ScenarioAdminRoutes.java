package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.admin.AdminException;
import dev.realtimetck.mockserver.admin.AdminRequest;
import dev.realtimetck.mockserver.admin.AdminResponse;
import dev.realtimetck.mockserver.admin.AdminRoute;
import dev.realtimetck.mockserver.replay.Recording;
import dev.realtimetck.mockserver.replay.Replays;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.ScenarioCatalog;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import dev.realtimetck.mockserver.scenario.WavFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Admin routes that load the scenario for new sessions:
 * <ul>
 *   <li>{@code PUT /__admin/scenario[?strict=true]}: body is a scenario (YAML or JSON); it replaces the behaviour
 *       of sessions opened from now on. 400 with the loader's message when it is invalid.</li>
 *   <li>{@code GET /__admin/scenario}: the installed scenario's name, strictness and source text; 404 when the
 *       server does not run a scenario.</li>
 *   <li>{@code PUT /__admin/replay[?speed=1.0&fresh_ids=false&strict=false]}: body is a JSONL recording, replayed
 *       in sessions opened from now on.</li>
 *   <li>{@code DELETE /__admin/scenario}: removes what the two {@code PUT}s installed; new sessions get the
 *       behaviour the server had before (the simulator unless it was started with another). 404 when none.</li>
 *   <li>{@code GET /__admin/scenarios}, {@code GET|PUT|DELETE /__admin/scenarios/{name}}: the named scenarios
 *       that sessions select with {@code ?scenario=NAME} ({@code PUT ...?format=jsonl} for a recording).</li>
 * </ul>
 * {@code POST /__admin/reset} removes everything installed here (see {@code MockRealtimeServer#reset()}).
 * Every {@link MockRealtimeServer} mounts them: this is where the scenario and replay features meet the admin API.
 */
final class ScenarioAdminRoutes {

    private ScenarioAdminRoutes() {
    }

    /**
     * The routes of {@code server}.
     *
     * @param server the server whose default behaviour and named scenarios the routes change
     * @param wavFiles where the {@code {{wav}}} placeholders of uploaded scenarios and recordings may read files
     */
    static List<AdminRoute> routes(MockRealtimeServer server, WavFiles wavFiles) {
        return List.of(
                new AdminRoute("PUT", "/scenario", r -> {
                    Scenario scenario = scenarioBody(r);
                    server.installAdminBehavior(new ScenarioBehaviorFactory(scenario, wavFiles));
                    return AdminResponse.ok(describe(scenario));
                }),
                new AdminRoute("GET", "/scenario", ScenarioAdminRoutes::getScenario),
                new AdminRoute("DELETE", "/scenario", r -> {
                    if (!server.removeAdminBehavior()) {
                        throw new AdminException(404, "no_scenario",
                                "No scenario or replay was installed through the admin API; nothing to remove.");
                    }
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    body.put("removed", true);
                    body.put("behavior", server.behaviorFactory() instanceof ScenarioBehaviorFactory
                            ? "scenario '" + ((ScenarioBehaviorFactory) server.behaviorFactory()).scenario().name() + "'"
                            : "the server's own");
                    return AdminResponse.ok(body);
                }),
                new AdminRoute("PUT", "/replay", r -> {
                    Scenario scenario = replayBody(r);
                    server.installAdminBehavior(new ScenarioBehaviorFactory(scenario, wavFiles));
                    return AdminResponse.ok(describe(scenario));
                }),
                new AdminRoute("GET", "/scenarios", r -> {
                    server.refreshScenarioDirectory();
                    return AdminResponse.ok(list(server.scenarios()));
                }),
                new AdminRoute("GET", "/scenarios/{name}", r -> {
                    server.refreshScenarioDirectory();
                    String name = r.pathParameters().get("name");
                    return AdminResponse.ok(describe(server.scenarios().find(name).orElseThrow(() -> unknown(name))));
                }),
                new AdminRoute("PUT", "/scenarios/{name}", r -> {
                    String name = r.pathParameters().get("name");
                    Scenario scenario = "jsonl".equals(param(r, "format", "")) ? replayBody(r) : scenarioBody(r);
                    try {
                        server.scenarios().put(name, scenario, ScenarioCatalog.Origin.ADMIN, "(admin request)",
                                wavFiles);
                    } catch (IllegalArgumentException e) {
                        throw new AdminException(400, "invalid_name", e.getMessage());
                    }
                    return AdminResponse.ok(describe(scenario));
                }),
                new AdminRoute("DELETE", "/scenarios/{name}", r -> {
                    String name = r.pathParameters().get("name");
                    if (!server.scenarios().remove(name)) {
                        throw unknown(name);
                    }
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    body.put("removed", name);
                    return AdminResponse.ok(body);
                }));
    }

    private static AdminException unknown(String name) {
        return new AdminException(404, "unknown_scenario", "No scenario named '" + name
                + "'; GET /__admin/scenarios lists them.");
    }

    private static ObjectNode list(ScenarioCatalog catalog) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var array = body.putArray("scenarios");
        List<String> names = new java.util.ArrayList<>();
        for (ScenarioCatalog.Entry entry : catalog.entries()) {
            names.add(entry.name());
            ObjectNode e = array.addObject();
            e.put("name", entry.name());
            e.put("origin", entry.origin().name().toLowerCase(java.util.Locale.ROOT));
            e.put("source", entry.source());
            e.put("strict", entry.scenario().strict());
            e.put("steps", entry.scenario().steps().size());
            e.put("rules", entry.scenario().rules().size());
        }
        for (String bundled : ScenarioCatalog.BUNDLED) {
            if (!names.contains(bundled)) {
                ObjectNode e = array.addObject();
                e.put("name", bundled);
                e.put("origin", "bundled");
                e.put("source", "classpath:" + ScenarioCatalog.BUNDLED_FOLDER + bundled + ".yaml");
            }
        }
        return body;
    }

    private static Scenario scenarioBody(AdminRequest request) {
        String text = new String(request.body(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new AdminException(400, "invalid_body", "The request body must be a scenario in YAML or JSON.");
        }
        Scenario scenario;
        try {
            scenario = Scenario.parse(text, "(admin request)");
        } catch (ScenarioException e) {
            throw new AdminException(400, "invalid_scenario", e.getMessage());
        }
        return flag(request, "strict") ? scenario.withStrict(true) : scenario;
    }

    private static AdminResponse getScenario(AdminRequest request) {
        if (request.registry().behaviorFactory() instanceof ScenarioBehaviorFactory) {
            return AdminResponse.ok(describe(((ScenarioBehaviorFactory) request.registry().behaviorFactory()).scenario()));
        }
        throw new AdminException(404, "no_scenario", "The server does not run a scenario; PUT one to /__admin/scenario.");
    }

    private static Scenario replayBody(AdminRequest request) {
        String text = new String(request.body(), StandardCharsets.UTF_8);
        double speed;
        try {
            speed = Double.parseDouble(param(request, "speed", "1"));
        } catch (NumberFormatException e) {
            throw new AdminException(400, "invalid_parameter", "speed: not a number");
        }
        Scenario scenario;
        try {
            Recording recording = Recording.parse(text, "(admin request)");
            scenario = Replays.toScenario(recording, "replay",
                    new Replays.Options(speed, flag(request, "fresh_ids"), flag(request, "strict")));
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new AdminException(400, "invalid_recording", e.getMessage());
        }
        return scenario;
    }

    private static boolean flag(AdminRequest request, String name) {
        return Boolean.parseBoolean(param(request, name, "false"));
    }

    private static String param(AdminRequest request, String name, String fallback) {
        List<String> values = request.query().get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static ObjectNode describe(Scenario scenario) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("name", scenario.name());
        out.put("strict", scenario.strict());
        out.put("steps", scenario.steps().size());
        out.put("rules", scenario.rules().size());
        out.put("source", scenario.source());
        return out;
    }
}
