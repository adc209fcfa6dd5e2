package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The canonical query is what internal requests sign and fragments are cached under: it must be one string per meaning. */
class FragmentParamsTest {

    @Test
    void namesAndValuesAreSorted() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("variant", List.of("b", "a"));
        query.put("device_id", List.of("x"));

        assertThat(FragmentParams.canonicalQuery(query)).isEqualTo("device_id=x&variant=a&variant=b");
    }

    @Test
    void encodingIsRfc3986() {
        assertThat(FragmentParams.of("a b", "x+y z*~!'()").canonicalQuery()).isEqualTo("a%20b=x%2By%20z%2A~%21%27%28%29");
        assertThat(FragmentParams.of("q", "&=?#/").canonicalQuery()).isEqualTo("q=%26%3D%3F%23%2F");
        assertThat(FragmentParams.of("q", "\u00e9").canonicalQuery()).isEqualTo("q=%C3%A9");
    }

    @Test
    void noParametersIsAnEmptyQuery() {
        assertThat(FragmentParams.NONE.canonicalQuery()).isEmpty();
        assertThat(FragmentParams.canonicalQuery(Map.of())).isEmpty();
        assertThat(FragmentParams.canonicalQuery(Map.of("a", List.of()))).isEmpty();
    }

    @Test
    void nullValuesAreDroppedAndOthersStringified() {
        Map<String, Object> params = new HashMap<>();
        params.put("user_id", null);
        params.put("page", 2);
        params.put("container_type", "page");

        FragmentParams fp = FragmentParams.of(params);

        assertThat(fp.values()).containsExactly(Map.entry("container_type", "page"), Map.entry("page", "2"));
        assertThat(fp.get("page")).isEqualTo("2");
        assertThat(fp.get("user_id")).isNull();
        assertThat(fp.canonicalQuery()).isEqualTo("container_type=page&page=2");
        assertThat(FragmentParams.of("user_id", null).canonicalQuery()).isEmpty();
    }

    @Test
    void asQueryHasOneValuePerName() {
        assertThat(FragmentParams.of(Map.of("b", "2", "a", "1")).asQuery())
                .isEqualTo(new TreeMap<>(Map.of("a", List.of("1"), "b", List.of("2"))));
    }

    @Test
    void parametersAreImmutableAndCopied() {
        TreeMap<String, String> source = new TreeMap<>(Map.of("a", "1"));
        FragmentParams fp = new FragmentParams(source);
        source.put("b", "2");

        assertThat(fp.values()).containsOnlyKeys("a");
        assertThatThrownBy(() -> fp.values().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }
}
