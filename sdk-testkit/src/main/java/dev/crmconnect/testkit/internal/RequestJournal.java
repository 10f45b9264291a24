package dev.crmconnect.testkit.internal;

import dev.crmconnect.testkit.JournalEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last calls the fake answered, oldest first; bounded so that long runs do not fill the heap. */
final class RequestJournal {

    static final int CAPACITY = 10_000;

    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    synchronized void add(JournalEntry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
