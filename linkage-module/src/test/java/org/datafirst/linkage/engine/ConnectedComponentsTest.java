package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.pipeline.PipelineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both engines label every node of an edge with the smallest node of its component. */
class ConnectedComponentsTest {

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("duckdb", (Supplier<Engine>) TestDb::open),
                Arguments.of("spark", (Supplier<Engine>) TestSpark::open));
    }

    static void edges(Engine db, List<long[]> edges) {
        try (Engine.TableWriter w = db.newTable("edges", "a BIGINT, b BIGINT")) {
            for (long[] e : edges) {
                w.row(e[0], e[1]);
            }
        }
    }

    static Map<Long, Long> components(Engine db) {
        return db.query("SELECT node, component FROM components").stream()
                .collect(Collectors.toMap(r -> ((Number) r.get(0)).longValue(), r -> ((Number) r.get(1)).longValue()));
    }

    /** Breadth-first search from each unvisited node in ascending order: the first node reached labels the rest. */
    static Map<Long, Long> expected(List<long[]> edges) {
        Map<Long, List<Long>> adjacent = new HashMap<>();
        for (long[] e : edges) {
            adjacent.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
            adjacent.computeIfAbsent(e[1], k -> new ArrayList<>()).add(e[0]);
        }
        Map<Long, Long> label = new HashMap<>();
        for (long start : adjacent.keySet().stream().sorted().toList()) {
            if (label.containsKey(start)) {
                continue;
            }
            ArrayDeque<Long> queue = new ArrayDeque<>(List.of(start));
            label.put(start, start);
            while (!queue.isEmpty()) {
                for (long next : adjacent.get(queue.poll())) {
                    if (label.putIfAbsent(next, start) == null) {
                        queue.add(next);
                    }
                }
            }
        }
        return label;
    }

    /** A chain 0 - 1 - … - (n-1), its edges in shuffled order and direction. */
    static List<long[]> chain(int n, Random random) {
        List<long[]> edges = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            edges.add(random.nextBoolean() ? new long[] {i - 1, i} : new long[] {i, i - 1});
        }
        Collections.shuffle(edges, random);
        return edges;
    }

    /**
     * Random sparse edges (self loops and repeats among them), a chain, a star, and a chain whose node ids are
     * shuffled, so that a label has to travel both up and down the ids.
     */
    static List<long[]> graph() {
        Random random = new Random(16);
        List<long[]> edges = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            edges.add(new long[] {random.nextInt(2000), random.nextInt(2000)});
        }
        for (long[] e : chain(300, random)) {
            edges.add(new long[] {e[0] + 3000, e[1] + 3000});
        }
        for (int leaf = 4001; leaf < 4050; leaf++) {
            edges.add(new long[] {leaf, 4000});
        }
        edges.addAll(shuffledChain(500, 5000, random));
        return edges;
    }

    /** A chain through the ids first .. first+n-1 in random order. */
    static List<long[]> shuffledChain(int n, long first, Random random) {
        List<Long> ids = new ArrayList<>();
        for (long id = first; id < first + n; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, random);
        List<long[]> edges = new ArrayList<>();
        for (long[] e : chain(n, random)) {
            edges.add(new long[] {ids.get((int) e[0]), ids.get((int) e[1])});
        }
        return edges;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void sparseRandomGraphsChainsAndStars(String engine, Supplier<Engine> open) {
        List<long[]> edges = graph();
        try (Engine db = open.get()) {
            edges(db, edges);
            db.connectedComponents("components", "SELECT a, b FROM edges");
            assertThat(components(db)).isEqualTo(expected(edges));
        }
    }

    @Test
    void sparkGivesUpWithAClearErrorWhenComponentsDoNotSettle() {
        try (SparkEngine db = TestSpark.open()) {
            edges(db, chain(1000, new Random(1)));
            assertThatThrownBy(() -> db.connectedComponents("components", "SELECT a, b FROM edges", 2))
                    .isInstanceOf(PipelineException.class)
                    .hasMessageContaining("did not settle within 2 rounds")
                    .hasMessageContaining("match_threshold");
            assertThat(db.tableExists("__cc_edges")).isFalse();
            assertThat(db.tableExists("__cc_nodes")).isFalse();
        }
    }

    /**
     * A path through 5,000 records in random id order: label propagation would need hundreds of rounds
     * to cross it; large-star and small-star rounds shorten it by half each time.
     */
    @Test
    void sparkJoinsALongPathInLogarithmicallyManyRounds() {
        List<long[]> edges = shuffledChain(5_000, 0, new Random(3));
        try (SparkEngine db = TestSpark.open()) {
            edges(db, edges);
            db.connectedComponents("components", "SELECT a, b FROM edges", 14);
            assertThat(components(db)).isEqualTo(expected(edges));
        }
    }
}
