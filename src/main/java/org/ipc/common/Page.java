package org.ipc.common;

import java.util.List;

/** A page of a list answer: {@code {"items": [...], "total": n}}, the shape every list endpoint uses. */
public record Page<T>(List<T> items, long total) {
}
