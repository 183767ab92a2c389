package dev.miglint.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff ({@code diff -u}, 3 lines of context) of two texts, as {@code patch} and {@code git apply} read it. */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Above this many cells the middle is diffed as one replaced block rather than by LCS. */
    private static final long LCS_LIMIT = 25_000_000L;

    private record Line(char op, String text, int a, int b) {
    }

    private UnifiedDiff() {
    }

    /** The diff, or "" when the texts are equal. Paths are printed as {@code a/<path>} and {@code b/<path>}. */
    static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Line> script = script(a, b);
        String name = path.replace('\\', '/').replaceFirst("^/+", "");
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
        int i = 0;
        while (i < script.size()) {
            int change = nextChange(script, i);
            if (change < 0) {
                break;
            }
            int start = Math.max(i, change - CONTEXT);
            int end = hunkEnd(script, change);
            writeHunk(out, script.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    /** Lines with their terminator, so a missing final newline shows as a change. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static List<Line> script(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> script = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            script.add(new Line(' ', a.get(k), k, k));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, prefix, script);
        for (int k = suffix; k > 0; k--) {
            script.add(new Line(' ', a.get(a.size() - k), a.size() - k, b.size() - k));
        }
        return script;
    }

    private static void middle(List<String> a, List<String> b, int a0, int b0, List<Line> script) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > LCS_LIMIT) {
            for (int i = 0; i < n; i++) {
                script.add(new Line('-', a.get(i), a0 + i, b0));
            }
            for (int j = 0; j < m; j++) {
                script.add(new Line('+', b.get(j), a0 + n, b0 + j));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                script.add(new Line(' ', a.get(i), a0 + i++, b0 + j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                script.add(new Line('-', a.get(i), a0 + i++, b0 + j));
            } else {
                script.add(new Line('+', b.get(j), a0 + i, b0 + j++));
            }
        }
    }

    private static int nextChange(List<Line> script, int from) {
        for (int k = from; k < script.size(); k++) {
            if (script.get(k).op() != ' ') {
                return k;
            }
        }
        return -1;
    }

    /** The end of the hunk holding {@code change}: changes closer than 2×context share a hunk. */
    private static int hunkEnd(List<Line> script, int change) {
        int lastChange = change;
        int k = change + 1;
        while (k < script.size()) {
            if (script.get(k).op() != ' ') {
                lastChange = k;
            } else if (k - lastChange > 2 * CONTEXT) {
                break;
            }
            k++;
        }
        return Math.min(script.size(), lastChange + CONTEXT + 1);
    }

    private static void writeHunk(StringBuilder out, List<Line> hunk) {
        int aCount = (int) hunk.stream().filter(l -> l.op() != '+').count();
        int bCount = (int) hunk.stream().filter(l -> l.op() != '-').count();
        Line first = hunk.get(0);
        // GNU diff numbers an empty side by the line before it.
        int aStart = aCount == 0 ? first.a() : first.a() + 1;
        int bStart = bCount == 0 ? first.b() : first.b() + 1;
        out.append("@@ -").append(aStart).append(',').append(aCount)
                .append(" +").append(bStart).append(',').append(bCount).append(" @@\n");
        for (Line line : hunk) {
            out.append(line.op());
            if (line.text().endsWith("\n")) {
                out.append(line.text());
            } else {
                out.append(line.text()).append("\n\\ No newline at end of file\n");
            }
        }
    }
}
