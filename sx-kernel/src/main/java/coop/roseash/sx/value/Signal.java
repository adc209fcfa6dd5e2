package coop.roseash.sx.value;

import java.util.ArrayList;
import java.util.List;

/** A reactive cell: {@code deref} inside a computed or effect subscribes it to changes. */
public class Signal {
    /** Something that must know when a signal it read has changed. */
    public interface Observer {
        void stale();
    }

    protected Object value;
    private final List<Observer> subscribers = new ArrayList<>(2);

    public Signal(Object value) { this.value = value; }

    /** The current value, without subscribing. */
    public Object peek() { return value; }

    public void subscribe(Observer o) { if (!subscribers.contains(o)) subscribers.add(o); }

    public void unsubscribe(Observer o) { subscribers.remove(o); }

    public void clearSubscribers() { subscribers.clear(); }

    /** Sets the value and tells every subscriber; an equal value changes nothing. */
    public void set(Object v) {
        if (Equality.equal(v, value) && (v == null) == (value == null)) return;
        value = v;
        notifySubscribers();
    }

    protected void notifySubscribers() {
        for (Observer o : new ArrayList<>(subscribers)) o.stale();
    }
}
