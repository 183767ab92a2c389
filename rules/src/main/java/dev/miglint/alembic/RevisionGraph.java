package dev.miglint.alembic;

import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revision graph of one Alembic project, built from {@code down_revision} alone (as Alembic
 * finds its heads). {@code runOrder} is topological from the roots, ties broken by revision id so
 * the order never depends on file order; revisions on or after a cycle are left out of it.
 */
public record RevisionGraph(Map<String, Entry> revisions, List<String> heads, List<String> roots,
                            List<String> mergePoints, List<String> runOrder, List<GraphProblem> problems) {

    /** One revision file and where it lives. */
    public record Entry(Path path, RevisionFile file) {
    }

    /** A problem of the graph, on the file and header span it concerns. */
    public record GraphProblem(Path path, Span span, String message) {
    }

    public static RevisionGraph of(List<Entry> entries) {
        List<GraphProblem> problems = new ArrayList<>();
        Map<String, Entry> byId = index(entries, problems);
        Map<String, List<String>> parents = parents(byId, problems);
        Map<String, List<String>> children = children(parents);
        List<String> heads = byId.keySet().stream().filter(id -> children.get(id).isEmpty()).sorted().toList();
        List<String> roots = byId.keySet().stream().filter(id -> byId.get(id).file().downRevisionIds().isEmpty())
                .sorted().toList();
        List<String> merges = byId.keySet().stream().filter(id -> byId.get(id).file().isMerge()).sorted().toList();
        List<String> order = runOrder(parents, children);
        reportCycles(byId, parents, order, problems);
        return new RevisionGraph(Map.copyOf(byId), heads, roots, merges, List.copyOf(order), List.copyOf(problems));
    }

    public Set<String> parentsOf(String id) {
        Entry e = revisions.get(id);
        return e == null ? Set.of() : Set.copyOf(e.file().downRevisionIds());
    }

    private static Map<String, Entry> index(List<Entry> entries, List<GraphProblem> problems) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : entries) {
            String id = e.file().revisionId();
            if (id == null) {
                continue; // the reader has reported it
            }
            Entry first = byId.putIfAbsent(id, e);
            if (first != null) {
                problems.add(new GraphProblem(e.path(), e.file().revision().span(),
                        "duplicate revision id " + id + ", also in " + first.path()));
            }
        }
        return byId;
    }

    /** Known parents of each revision; an unknown one is reported on the down_revision line. */
    private static Map<String, List<String>> parents(Map<String, Entry> byId, List<GraphProblem> problems) {
        Map<String, List<String>> parents = new HashMap<>();
        byId.forEach((id, e) -> {
            List<String> known = new ArrayList<>();
            for (String p : e.file().downRevisionIds()) {
                if (byId.containsKey(p)) {
                    known.add(p);
                } else {
                    problems.add(new GraphProblem(e.path(), e.file().downRevision().span(),
                            "down_revision names unknown revision " + p));
                }
            }
            parents.put(id, known);
        });
        return parents;
    }

    private static Map<String, List<String>> children(Map<String, List<String>> parents) {
        Map<String, List<String>> children = new HashMap<>();
        parents.keySet().forEach(id -> children.put(id, new ArrayList<>()));
        parents.forEach((id, ps) -> ps.forEach(p -> children.get(p).add(id)));
        return children;
    }

    /** Kahn's algorithm with a sorted ready set. */
    private static List<String> runOrder(Map<String, List<String>> parents, Map<String, List<String>> children) {
        Map<String, Integer> waiting = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        parents.forEach((id, ps) -> {
            waiting.put(id, new HashSet<>(ps).size());
            if (ps.isEmpty()) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.pollFirst();
            order.add(id);
            for (String c : new TreeSet<>(children.get(id))) {
                if (waiting.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        return order;
    }

    /**
     * Every revision left out of the run order has a parent also left out, so walking parents from
     * one of them must come round again: that loop is a cycle, reported once on each member.
     */
    private static void reportCycles(Map<String, Entry> byId, Map<String, List<String>> parents,
                                     List<String> order, List<GraphProblem> problems) {
        Set<String> left = new TreeSet<>(byId.keySet());
        order.forEach(left::remove);
        Set<String> reported = new HashSet<>();
        for (String start : left) {
            List<String> path = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            String at = start;
            while (at != null && !seen.containsKey(at) && !reported.contains(at)) {
                seen.put(at, path.size());
                path.add(at);
                at = parents.get(at).stream().filter(left::contains).sorted().findFirst().orElse(null);
            }
            if (at == null || reported.contains(at)) {
                continue;
            }
            List<String> cycle = path.subList(seen.get(at), path.size());
            String text = String.join(" -> ", cycle) + " -> " + at;
            for (String id : cycle) {
                Entry e = byId.get(id);
                problems.add(new GraphProblem(e.path(), e.file().revision().span(), "revision cycle: " + text));
                reported.add(id);
            }
        }
    }
}
