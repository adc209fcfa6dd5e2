package coop.roseash.shared.web;

import java.util.List;

/**
 * A Java page helper that SX views call as {@code (helper "name" args...)}. Services register one by making it a
 * CDI bean; arguments and the result are SX boundary values (numbers, strings, booleans, null, lists, maps, records).
 */
public interface SxHelper {
    /** The name SX uses; unique within a service. */
    String name();

    Object call(List<Object> args, SxRequestContext request);
}
