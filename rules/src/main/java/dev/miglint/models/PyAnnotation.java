package dev.miglint.models;

import java.util.ArrayList;
import java.util.List;

/**
 * A type annotation reduced to what the model rules ask of it: the type inside {@code Mapped[…]},
 * {@code Optional[…]}, {@code Union[…, None]} and {@code … | None}, and whether None was allowed.
 * Works on the written text; anything it cannot take apart stays as written.
 */
public record PyAnnotation(String core, boolean optional, boolean mapped) {

    public static PyAnnotation of(String written) {
        String t = unquote(written.replaceAll("\\s+", ""));
        boolean mapped = false;
        String inner = unwrap(t, "Mapped");
        if (inner != null) {
            mapped = true;
            t = unquote(inner);
        }
        boolean optional = false;
        String opt = unwrap(t, "Optional");
        if (opt != null) {
            return new PyAnnotation(unquote(opt), true, mapped);
        }
        String union = unwrap(t, "Union");
        List<String> parts = splitTop(union != null ? union : t, union != null ? ',' : '|');
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p.equals("None") || p.equals("type(None)")) {
                optional = true;
            } else {
                kept.add(unquote(p));
            }
        }
        String core = kept.size() == 1 ? kept.get(0) : t;
        return new PyAnnotation(core, optional, mapped);
    }

    /** {@code Name[x]} or {@code typing.Name[x]} → x, else null. */
    private static String unwrap(String t, String name) {
        int open = t.indexOf('[');
        if (open < 0 || !t.endsWith("]")) {
            return null;
        }
        String head = t.substring(0, open);
        if (!head.equals(name) && !head.endsWith("." + name)) {
            return null;
        }
        String inner = t.substring(open + 1, t.length() - 1);
        return depthZeroAt(t, open, t.length() - 1) ? inner : null;
    }

    /** True when the bracket at {@code open} closes at {@code close}, not earlier ({@code A[x] | B[y]}). */
    private static boolean depthZeroAt(String t, int open, int close) {
        int depth = 0;
        for (int i = open; i <= close; i++) {
            char c = t.charAt(i);
            depth += c == '[' || c == '(' ? 1 : c == ']' || c == ')' ? -1 : 0;
            if (depth == 0 && i < close) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitTop(String t, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            depth += c == '[' || c == '(' ? 1 : c == ']' || c == ')' ? -1 : 0;
            if (c == sep && depth == 0) {
                out.add(t.substring(from, i));
                from = i + 1;
            }
        }
        out.add(t.substring(from));
        return out;
    }

    /** A forward reference {@code "User"} names the same type as {@code User}. */
    private static String unquote(String t) {
        boolean quoted = t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"")
                || t.startsWith("'") && t.endsWith("'"));
        return quoted ? t.substring(1, t.length() - 1) : t;
    }
}
