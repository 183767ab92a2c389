package dev.miglint.python;

import dev.miglint.text.OffsetMap;
import dev.miglint.text.Span;

import java.util.List;
import java.util.Optional;

/** A Python expression as far as a migration reader needs it; anything else is {@link Other}. */
public sealed interface PyValue {

    /** The characters of the whole expression in the file. */
    Span span();

    /** One or more adjacent string literals, decoded; {@code map} leads back to the file. */
    record StringLit(Span span, String value, OffsetMap map, boolean bytes) implements PyValue {
    }

    /** An f-string (or a concatenation containing one): no value without running it. */
    record FStringLit(Span span) implements PyValue {
    }

    /** A number as written, a leading minus included. */
    record NumberLit(Span span, String text) implements PyValue {
    }

    record BoolLit(Span span, boolean value) implements PyValue {
    }

    record NoneLit(Span span) implements PyValue {
    }

    /** A name or attribute chain, as dotted text: {@code sa.String}, {@code postgresql.UUID}. */
    record Name(Span span, String dotted) implements PyValue {
    }

    /** A call on a name or attribute chain: {@code sa.Column("id", sa.Integer(), primary_key=True)}. */
    record Call(Span span, String callee, Span calleeSpan, List<Arg> args) implements PyValue {

        public Optional<Arg> positional(int index) {
            return Arg.positional(args, index);
        }

        public Optional<Arg> keyword(String name) {
            return Arg.keyword(args, name);
        }

        /** The first positional argument's value, or null. */
        public PyValue arg0() {
            return positional(0).map(Arg::value).orElse(null);
        }
    }

    record ListLit(Span span, List<PyValue> items) implements PyValue {
    }

    record TupleLit(Span span, List<PyValue> items) implements PyValue {
    }

    /** An expression this reader does not take apart (dicts, lambdas, operators, subscripts …). */
    record Other(Span span, String text) implements PyValue {
    }

    /** The string value if this is a plain string literal. */
    default Optional<String> string() {
        return this instanceof StringLit s && !s.bytes() ? Optional.of(s.value()) : Optional.empty();
    }

    /** The strings of a literal string, or of a list/tuple of them; empty for anything else. */
    default List<String> strings() {
        if (this instanceof StringLit s) {
            return List.of(s.value());
        }
        List<PyValue> items = this instanceof ListLit l ? l.items()
                : this instanceof TupleLit t ? t.items() : List.of();
        return items.stream().flatMap(v -> v.string().stream()).toList();
    }
}
