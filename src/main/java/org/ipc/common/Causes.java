package org.ipc.common;

import java.util.Optional;
import java.util.stream.Stream;

/** The cause chain of an exception, the one place that walks it. */
public final class Causes {

    private Causes() {
    }

    /** {@code e}, then its cause, then that one's, and so on. */
    public static Stream<Throwable> chain(Throwable e) {
        return Stream.iterate(e, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** {@code e} itself or its nearest cause that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        return chain(e).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The innermost cause ({@code e} itself when it has none). */
    public static Throwable root(Throwable e) {
        return chain(e).reduce((outer, inner) -> inner).orElseThrow();
    }
}
