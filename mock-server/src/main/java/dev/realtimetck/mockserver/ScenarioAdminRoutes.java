package dev.realtimetck.mockserver;

import dev.realtimetck.mockserver.admin.AdminException;
import dev.realtimetck.mockserver.admin.AdminRequest;
import dev.realtimetck.mockserver.admin.AdminResponse;
import dev.realtimetck.mockserver.admin.AdminRoute;
import dev.realtimetck.mockserver.replay.Recording;
import dev.realtimetck.mockserver.replay.Replays;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.ScenarioException;
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
 * </ul>
 * Every {@link MockRealtimeServer} mounts them: this is where the scenario and replay features meet the admin API.
 */
final class ScenarioAdminRoutes {

    private ScenarioAdminRoutes() {
    }

    /** The routes. */
    static List<AdminRoute> routes() {
        return List.of(
                new AdminRoute("PUT", "/scenario", ScenarioAdminRoutes::putScenario),
                new AdminRoute("GET", "/scenario", ScenarioAdminRoutes::getScenario),
                new AdminRoute("PUT", "/replay", ScenarioAdminRoutes::putReplay));
    }

    private static AdminResponse putScenario(AdminRequest request) {
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
        if (flag(request, "strict")) {
            scenario = scenario.withStrict(true);
        }
        request.registry().behaviorFactory(new ScenarioBehaviorFactory(scenario));
        return AdminResponse.ok(describe(scenario));
    }

    private static AdminResponse getScenario(AdminRequest request) {
        if (request.registry().behaviorFactory() instanceof ScenarioBehaviorFactory) {
            return AdminResponse.ok(describe(((ScenarioBehaviorFactory) request.registry().behaviorFactory()).scenario()));
        }
        throw new AdminException(404, "no_scenario", "The server does not run a scenario; PUT one to /__admin/scenario.");
    }

    private static AdminResponse putReplay(AdminRequest request) {
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
        request.registry().behaviorFactory(new ScenarioBehaviorFactory(scenario));
        return AdminResponse.ok(describe(scenario));
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
