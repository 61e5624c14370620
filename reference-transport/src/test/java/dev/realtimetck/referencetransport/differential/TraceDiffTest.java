package dev.realtimetck.referencetransport.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The comparison and the departures table of the differential test, on small hand-written traces. */
class TraceDiffTest {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private static JsonNode trace(String steps) {
        return MAPPER.readTree("{\"name\":\"s\",\"steps\":" + steps.replace('\'', '"') + "}");
    }

    private static List<String> paths(String ts, String java) {
        return TraceDiff.compare(trace(ts), trace(java)).stream().map(TraceDiff.Difference::path).toList();
    }

    @Test
    void key_order_and_number_representation_do_not_count() {
        assertThat(paths(
                "[{'op':'x','threw':false,'frames':[{'type':'a','n':1,'m':{'p':1,'q':[2.5]}}],'events':[]}]",
                "[{'op':'x','threw':false,'frames':[{'m':{'q':[2.50],'p':1.0},'type':'a','n':1.0}],'events':[]}]"))
                .isEmpty();
    }

    @Test
    void absent_and_null_are_different_and_every_field_is_reported() {
        assertThat(paths(
                "[{'op':'x','threw':false,'frames':[],'events':[{'name':'e','payload':{'a':null,'b':1}}]}]",
                "[{'op':'x','threw':true,'frames':[],'events':[{'name':'e','payload':{'b':2,'c':3}}]}]"))
                .containsExactly("step[0 x].threw", "step[0 x].events[0 e].payload.a", "step[0 x].events[0 e].payload.b",
                        "step[0 x].events[0 e].payload.c");
    }

    @Test
    void a_missing_or_extra_element_is_reported_once_without_shifting_the_rest() {
        List<TraceDiff.Difference> differences = TraceDiff.compare(
                trace("[{'op':'x','threw':false,'frames':[],'events':[{'name':'a'},{'name':'b'},{'name':'c'}]}]"),
                trace("[{'op':'x','threw':false,'frames':[],'events':[{'name':'a'},{'name':'c'},{'name':'d'}]}]"));
        assertThat(differences).extracting(TraceDiff.Difference::path)
                .containsExactly("step[0 x].events[1 b]", "step[0 x].events[java:2 d]");
        assertThat(differences.get(0).java()).isEqualTo("<absent>");
        assertThat(differences.get(1).typescript()).isEqualTo("<absent>");
    }

    @Test
    void generated_ids_and_long_strings_are_normalised_on_both_sides() {
        String longText = "A".repeat(TraceDiff.LONG_STRING + 1);
        assertThat(TraceDiff.normalise("agents_js_response_create_3")).isEqualTo("{responseCreateId:3}");
        assertThat(TraceDiff.normalise("client_evt_3")).isEqualTo("{responseCreateId:3}");
        assertThat(TraceDiff.normalise("agents_delete_7")).isEqualTo("{historyId:delete:7}");
        assertThat(TraceDiff.normalise("client_evt_3x")).isEqualTo("client_evt_3x");
        assertThat(TraceDiff.normalise(longText)).startsWith("sha256:").endsWith(":" + longText.length());
        assertThat(paths("[{'op':'x','threw':false,'frames':[{'type':'t','event_id':'agents_js_response_create_1'}]}]",
                "[{'op':'x','threw':false,'frames':[{'type':'t','event_id':'client_evt_2'}]}]"))
                .containsExactly("step[0 x].frames[0 t].event_id");
    }

    @Test
    void a_different_step_list_is_one_difference() {
        assertThat(paths("[{'op':'x'},{'op':'y'}]", "[{'op':'x'}]")).containsExactly("steps");
        assertThat(paths("[{'op':'x'}]", "[{'op':'y'}]")).containsExactly("step[0 x].op");
    }

    @Test
    void departures_are_read_from_the_first_table_and_match_by_glob(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("DEPARTURES.md");
        Files.writeString(file, """
                # title
                text | with a pipe that is not a table row
                | scenario | path | rule | reason |
                |---|---|---|---|
                | `conn*` | `step[*].events[* connected]` | B24 | not modelled |
                | s | step[0 x].frames[0 t].event_id | D1 | ids |

                | scenario | path | rule | reason |
                | ignored | ignored | X | a second table |
                """);
        List<Departures.Departure> rows = Departures.read(file);
        assertThat(rows).extracting(Departures.Departure::rule).containsExactly("B24", "D1");
        assertThat(rows.get(0).covers(new TraceDiff.Difference("connect-x", "step[2 connect].events[1 connected]",
                "x", "<absent>"))).isTrue();
        assertThat(rows.get(0).covers(new TraceDiff.Difference("other", "step[2 connect].events[1 connected]",
                "x", "<absent>"))).isFalse();
        assertThat(rows.get(1).covers(new TraceDiff.Difference("s", "step[0 x].frames[0 t].event_id", "a", "b")))
                .isTrue();
        assertThat(rows.get(1).covers(new TraceDiff.Difference("s", "step[0 x].frames[0 t].event_idx", "a", "b")))
                .isFalse();
    }

    @Test
    void a_row_without_rule_or_reason_is_rejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("DEPARTURES.md");
        Files.writeString(file, "| scenario | path | rule | reason |\n|---|---|---|---|\n| s | p |  | why |\n");
        assertThatThrownBy(() -> Departures.read(file)).hasMessageContaining("every column is required");
    }
}
