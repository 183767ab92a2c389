package dev.miglint.python;

import dev.miglint.text.Span;

import java.util.List;
import java.util.Optional;

/**
 * One argument of a call. {@code keyword} is null for a positional argument, {@code "*"} or
 * {@code "**"} for an unpacked one; {@code span} covers the whole argument, keyword included.
 */
public record Arg(String keyword, Span span, PyValue value) {

    public boolean isPositional() {
        return keyword == null;
    }

    /** The {@code index}-th positional argument, counting only positional ones. */
    public static Optional<Arg> positional(List<Arg> args, int index) {
        int seen = 0;
        for (Arg a : args) {
            if (a.isPositional() && seen++ == index) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<Arg> keyword(List<Arg> args, String name) {
        return args.stream().filter(a -> name.equals(a.keyword())).findFirst();
    }
}
