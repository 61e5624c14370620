package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void deepCopyIsImmutableAndIndependentOfTheInput() {
        List<Object> list = new ArrayList<>(List.of(1, "two"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("list", list);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);

        Map<String, Object> copy = JsonValues.copyOf(outer);
        list.add(3);
        inner.put("later", true);
        outer.put("added", "x");

        assertThat(copy).isEqualTo(Map.of("inner", Map.of("list", List.of(1, "two"))));
        assertThatThrownBy(() -> copy.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> innerCopy = (Map<String, Object>) copy.get("inner");
        assertThatThrownBy(() -> innerCopy.remove("list")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> listCopy = (List<Object>) innerCopy.get("list");
        assertThatThrownBy(() -> listCopy.add(9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsNullValuesAndInsertionOrder() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("z", null);
        input.put("a", Arrays.asList(null, 1));
        input.put("m", 2.5);

        Map<String, Object> copy = JsonValues.copyOf(input);

        assertThat(copy).containsKey("z");
        assertThat(copy.get("z")).isNull();
        assertThat(copy.get("a")).isEqualTo(Arrays.asList(null, 1));
        assertThat(copy.keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void acceptsEveryImmutableJsonScalar() {
        Map<String, Object> input = new HashMap<>();
        input.put("i", 1);
        input.put("l", 2L);
        input.put("s", (short) 3);
        input.put("b", (byte) 4);
        input.put("d", 1.5d);
        input.put("f", 2.5f);
        input.put("bi", BigInteger.TEN);
        input.put("bd", new BigDecimal("0.1"));
        input.put("t", true);
        input.put("str", "x");

        assertThat(JsonValues.copyOf(input)).isEqualTo(input);
    }

    @Test
    void rejectsNonJsonValuesWithTheKeyPath() {
        Map<String, Object> input = Map.of("a", Map.of("b", List.of("ok", new Object())));

        assertThatThrownBy(() -> JsonValues.copyOf(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("$.a.b[1]:")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void rejectsMutableAndNonFiniteNumbers() {
        assertThatThrownBy(() -> JsonValues.copyOf(Map.of("n", new AtomicInteger(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("$.n:");
        assertThatThrownBy(() -> JsonValues.copyOf(Map.of("n", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("$.n:");
        assertThatThrownBy(() -> JsonValues.copyOfList(List.of(Float.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("$[0]:");
    }

    @Test
    void rejectsNonStringKeys() {
        Map<Object, Object> input = new HashMap<>();
        input.put("outer", Map.of(7, "x"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, ?> raw = (Map) input;

        assertThatThrownBy(() -> JsonValues.copyOf(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("$.outer:")
                .hasMessageContaining("keys must be strings");
    }

    @Test
    void rejectsANullKey() {
        Map<String, Object> input = new HashMap<>();
        input.put(null, 1);

        assertThatThrownBy(() -> JsonValues.copyOf(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$: JSON object keys must be strings, found null");
    }

    @Test
    void nullStaysNullAndEmptyObjectIsImmutable() {
        assertThat(JsonValues.copyOf(null)).isNull();
        assertThat(JsonValues.copyOfList(null)).isNull();
        assertThat(JsonValues.emptyObject()).isEmpty();
        assertThatThrownBy(() -> JsonValues.emptyObject().put("a", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listCopyIsDeep() {
        Map<String, Object> element = new HashMap<>(Map.of("k", 1));
        List<Object> copy = JsonValues.copyOfList(List.of(element));
        element.put("k", 2);

        assertThat(copy).containsExactly(Map.of("k", 1));
    }

    @Test
    void valueTypesNameTheirFieldInCopyErrors() {
        assertThatThrownBy(() -> new RealtimeClientMessage("x", Map.of("item", Map.of("bad", new Object()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fields.item.bad:");
        assertThatThrownBy(() -> new Prompt("p", null, Map.of("v", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("variables.v:");
    }

    @Test
    void aMapThatContainsItselfIsRejectedInsteadOfOverflowingTheStack() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);

        assertThatThrownBy(() -> JsonValues.copyOf(cyclic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("$.self.self.self")
                .hasMessageContaining("nested deeper than")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void deepButFiniteNestingIsCopied() {
        Object value = "leaf";
        for (int i = 0; i < JsonValues.MAX_DEPTH - 1; i++) {
            value = List.of(value);
        }
        Map<String, Object> deep = Map.of("root", value);
        Map<String, Object> tooDeep = Map.of("root", List.of(value));

        assertThat(JsonValues.copyOf(deep)).isEqualTo(deep);
        assertThatThrownBy(() -> JsonValues.copyOf(tooDeep))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than");
    }
}
