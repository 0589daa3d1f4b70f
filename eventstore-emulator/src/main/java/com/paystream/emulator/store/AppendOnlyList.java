package com.paystream.emulator.store;

import java.util.Arrays;

/**
 * A list with one writer and many lock-free readers. Readers see a prefix of the list: an element is visible once
 * {@link #size()} covers it, and the volatile size is written after the element.
 */
final class AppendOnlyList<T> {
    private volatile Object[] items = new Object[16];
    private volatile int size;

    /** Only ever called by the single writer thread. */
    void add(T item) {
        Object[] current = items;
        int n = size;
        if (n == current.length) {
            current = Arrays.copyOf(current, n * 2);
            items = current;
        }
        current[n] = item;
        size = n + 1;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        return (T) items[index];
    }
}
