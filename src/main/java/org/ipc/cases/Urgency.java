package org.ipc.cases;

/** How soon the referring physician needs an answer. */
public enum Urgency {
    ROUTINE,
    URGENT
}
