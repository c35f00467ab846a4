package org.datafirst.linkage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterShapeTest {

    static Stream<Arguments> graphs() {
        return Stream.of(
                Arguments.of("a pair", 2, new int[][] {{0, 1}}, 1, false),
                Arguments.of("a path of five", 5, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, 4, true),
                Arguments.of("a cycle of four", 4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, 0, false),
                Arguments.of("a star of four", 4, new int[][] {{0, 1}, {0, 2}, {0, 3}}, 3, true),
                Arguments.of(
                        "two triangles joined by one edge",
                        6,
                        new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}},
                        1,
                        true),
                Arguments.of(
                        "a complete graph of five",
                        5,
                        new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}, {3, 4}},
                        0,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void bridgesAndSuspicion(String name, int n, int[][] edges, int bridges, boolean suspicious) {
        int[] from = new int[edges.length];
        int[] to = new int[edges.length];
        for (int k = 0; k < edges.length; k++) {
            from[k] = edges[k][0];
            to[k] = edges[k][1];
        }
        ClusterShape shape = ClusterShape.of(n, from, to);
        assertThat(shape.bridges()).isEqualTo(bridges);
        assertThat(shape.suspicious()).isEqualTo(suspicious);
        assertThat(shape.density()).isEqualTo(edges.length / (n * (n - 1) / 2.0));
    }

    @ParameterizedTest(name = "a path of {0} records has {0} - 1 bridges")
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 100, 50_000})
    void longPathsDoNotOverflowTheStack(int n) {
        int[] from = new int[n - 1];
        int[] to = new int[n - 1];
        for (int k = 0; k < n - 1; k++) {
            from[k] = k;
            to[k] = k + 1;
        }
        assertThat(ClusterShape.of(n, from, to).bridges()).isEqualTo(n - 1);
    }
}
