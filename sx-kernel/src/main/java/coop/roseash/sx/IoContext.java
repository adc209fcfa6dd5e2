package coop.roseash.sx;

/** What an IO primitive sees of the current evaluation: the host object passed to the engine. */
public interface IoContext {
    Object host();
}
