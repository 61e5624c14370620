package dev.realtimetck.referencetransport.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The departures table ({@code interop/differential/DEPARTURES.md}): every known difference between the TypeScript
 * transport and the reference transport, one Markdown table row each: scenario (a name or a glob, {@code *} for
 * all), the path of the differing field (a glob over the paths {@link TraceDiff} prints; {@code *} matches any
 * text), the rule id, and the reason. Rows outside the first table with these four columns are ignored.
 */
final class Departures {

    record Departure(int line, String scenario, String path, String rule, String reason) {
        boolean covers(TraceDiff.Difference difference) {
            return glob(scenario).matcher(difference.scenario()).matches()
                    && glob(path).matcher(difference.path()).matches();
        }

        @Override
        public String toString() {
            return "line " + line + ": | " + scenario + " | " + path + " | " + rule + " | " + reason + " |";
        }
    }

    private Departures() {
    }

    static List<Departure> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Departure> out = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 4 columns, was "
                        + cells.length + ": " + line);
            }
            String scenario = cell(cells[0]);
            if (!inTable) {
                if (!scenario.equals("scenario")) {
                    throw new IllegalArgumentException(file + " line " + (i + 1)
                            + ": the table must start with | scenario | path | rule | reason |");
                }
                inTable = true;
                continue;
            }
            if (scenario.startsWith("---")) {
                continue;
            }
            Departure d = new Departure(i + 1, scenario, cell(cells[1]), cell(cells[2]), cell(cells[3]));
            if (d.scenario().isEmpty() || d.path().isEmpty() || d.rule().isEmpty() || d.reason().isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": every column is required: " + line);
            }
            out.add(d);
        }
        return out;
    }

    private static String cell(String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    static Pattern glob(String glob) {
        List<String> parts = new ArrayList<>();
        for (String part : glob.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.DOTALL);
    }
}
