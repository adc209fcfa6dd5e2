package coop.roseash.sx.value;

import coop.roseash.sx.SxException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A Java record seen from SX as a read-only dict with kebab-case keys. Values are read from the
 * record when asked for, so passing records to a render costs nothing up front.
 */
public final class RecordView extends AbstractMap<String, Object> {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) { return Shape.of(type); }
    };

    private final Object record;
    private final Shape shape;

    private RecordView(Object record, Shape shape) {
        this.record = record;
        this.shape = shape;
    }

    /** The shape looked up last: a list of records of one type skips the ClassValue lookup. */
    private static Shape last; // racy but safe: Shape is immutable (final fields)

    public static RecordView of(Object record) {
        Shape s = last;
        if (s == null || s.type != record.getClass()) {
            s = SHAPES.get(record.getClass());
            last = s;
        }
        return new RecordView(record, s);
    }

    @Override
    public Object get(Object key) {
        int i = shape.indexOf(key);
        return i < 0 ? null : shape.value(record, i);
    }

    @Override
    public boolean containsKey(Object key) { return shape.indexOf(key) >= 0; }

    @Override
    public int size() { return shape.names.length; }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() { return i < shape.names.length; }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= shape.names.length) throw new NoSuchElementException();
                        int k = i++;
                        return new SimpleImmutableEntry<>(shape.names[k], shape.value(record, k));
                    }
                };
            }

            @Override
            public int size() { return shape.names.length; }
        };
    }

    @Override
    public boolean equals(Object o) { return this == o || (o instanceof Map<?, ?> m && Equality.equal(this, m)); }

    @Override
    public int hashCode() { return super.hashCode(); }

    /** The kebab-case names and accessors of one record type, looked up once. */
    private record Shape(Class<?> type, String[] names, MethodHandle[] accessors) {
        static Shape of(Class<?> type) {
            RecordComponent[] comps = type.getRecordComponents();
            String[] names = new String[comps.length];
            MethodHandle[] acc = new MethodHandle[comps.length];
            MethodType generic = MethodType.methodType(Object.class, Object.class);
            for (int i = 0; i < comps.length; i++) {
                names[i] = Boundary.kebab(comps[i].getName()).intern();
                Method m = comps[i].getAccessor();
                m.setAccessible(true);
                try {
                    // one handle per accessor, typed (Object)Object so invokeExact needs no adaptation per call
                    acc[i] = MethodHandles.lookup().unreflect(m).asType(generic);
                } catch (IllegalAccessException e) {
                    throw new SxException("Cannot read " + names[i] + " of " + type.getSimpleName() + ": " + e);
                }
            }
            return new Shape(type, names, acc);
        }

        int indexOf(Object key) {
            for (int i = 0; i < names.length; i++) if (names[i] == key) return i;
            for (int i = 0; i < names.length; i++) if (names[i].equals(key)) return i;
            return -1;
        }

        Object value(Object record, int i) {
            Object v;
            try {
                v = (Object) accessors[i].invokeExact(record);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) { // as before: an accessor that throws becomes an SX error naming the field
                throw new SxException("Cannot read " + names[i] + " of " + record.getClass().getSimpleName() + ": " + e);
            }
            return Boundary.toSx(v);
        }
    }
}
