package coop.roseash.sx.render;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Page buffers kept between renders, so a page is written into a buffer that already has the
 * right size instead of a fresh one that is zeroed and then grown. A few slots, chosen by thread,
 * serve concurrent renders; a render that finds its slot empty allocates. Buffers above 1 MiB are
 * not kept.
 */
public final class OutputBuffers {
    private static final int SLOTS = 8;
    private static final int KEEP_AT_MOST = 1 << 20;
    private final AtomicReferenceArray<StringBuilder> spare = new AtomicReferenceArray<>(SLOTS);

    public StringBuilder take() {
        StringBuilder sb = spare.getAndSet(slot(), null);
        if (sb == null) return new StringBuilder(4096);
        sb.setLength(0);
        return sb;
    }

    /** The buffer's text; the buffer goes back for the next render. */
    public String finish(StringBuilder sb) {
        String text = sb.toString();
        if (sb.capacity() <= KEEP_AT_MOST) spare.lazySet(slot(), sb);
        return text;
    }

    private static int slot() { return (int) Thread.currentThread().getId() & (SLOTS - 1); }
}
