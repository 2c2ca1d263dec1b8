package dev.perfgate.load;

import java.util.Arrays;

/** A growable FIFO ring of longs: request numbers waiting for a connection, without boxing. Not thread-safe. */
final class LongQueue {
    private long[] items = new long[64];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long value) {
        if (size == items.length) {
            long[] bigger = new long[items.length * 2];
            int tail = items.length - head;
            System.arraycopy(items, head, bigger, 0, tail);
            System.arraycopy(items, 0, bigger, tail, head);
            items = bigger;
            head = 0;
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    long poll() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        long value = items[head];
        head = (head + 1) & (items.length - 1);
        size--;
        return value;
    }

    void clear() {
        head = 0;
        size = 0;
        if (items.length > 1024) {
            items = new long[64];
        } else {
            Arrays.fill(items, 0);
        }
    }
}
