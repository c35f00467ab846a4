package org.datafirst.linkage.pipeline;

import java.util.Arrays;

/**
 * How well a cluster holds together through its accepted edges (pairs at or above the threshold), the
 * signs of chaining that an analyst looks for without truth, as Splink's graph metrics report them:
 * density (accepted edges over possible pairs) and bridges (edges whose removal splits the cluster).
 *
 * @param size records in the cluster
 * @param edges accepted edges inside it
 * @param bridges edges that are the only connection between two parts of the cluster
 */
public record ClusterShape(int size, long edges, int bridges) {

    /** Accepted edges over possible pairs; 1 for a cluster of one record. */
    public double density() {
        return size < 2 ? 1.0 : edges / (size * (size - 1) / 2.0);
    }

    /**
     * Density below one half or any bridge in a cluster of three or more records: a chain, a star around
     * one record, or two groups held together by one pair.
     */
    public boolean suspicious() {
        return size >= 3 && (density() < 0.5 || bridges > 0);
    }

    /** The shape of a graph of {@code n} nodes with the edges {@code (from[k], to[k])}. */
    public static ClusterShape of(int n, int[] from, int[] to) {
        return new ClusterShape(n, from.length, bridges(n, from, to, from.length));
    }

    /** Tarjan's bridge finding, iterative (a chain of thousands of records must not overflow the stack). */
    static int bridges(int n, int[] from, int[] to, int m) {
        if (n < 2 || m == 0) {
            return 0;
        }
        int[] degree = new int[n + 1];
        for (int k = 0; k < m; k++) {
            degree[from[k] + 1]++;
            degree[to[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            degree[i + 1] += degree[i];
        }
        int[] start = Arrays.copyOf(degree, n + 1);
        int[] adjacent = new int[2 * m];
        int[] edgeOf = new int[2 * m];
        int[] fill = Arrays.copyOf(start, n);
        for (int k = 0; k < m; k++) {
            adjacent[fill[from[k]]] = to[k];
            edgeOf[fill[from[k]]++] = k;
            adjacent[fill[to[k]]] = from[k];
            edgeOf[fill[to[k]]++] = k;
        }
        int[] order = new int[n];
        int[] low = new int[n];
        int[] parentEdge = new int[n];
        int[] cursor = new int[n];
        int[] stack = new int[n];
        Arrays.fill(order, -1);
        int counter = 0;
        int bridges = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            order[root] = low[root] = counter++;
            parentEdge[root] = -1;
            cursor[root] = start[root];
            while (top > 0) {
                int v = stack[top - 1];
                if (cursor[v] < start[v + 1]) {
                    int slot = cursor[v]++;
                    int w = adjacent[slot];
                    if (edgeOf[slot] == parentEdge[v]) {
                        continue;
                    }
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        parentEdge[w] = edgeOf[slot];
                        cursor[w] = start[w];
                        stack[top++] = w;
                    } else {
                        low[v] = Math.min(low[v], order[w]);
                    }
                } else {
                    top--;
                    if (top > 0) {
                        int u = stack[top - 1];
                        low[u] = Math.min(low[u], low[v]);
                        if (low[v] > order[u]) {
                            bridges++;
                        }
                    }
                }
            }
        }
        return bridges;
    }
}
