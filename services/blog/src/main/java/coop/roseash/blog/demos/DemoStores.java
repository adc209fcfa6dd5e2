package coop.roseash.blog.demos;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory state behind the /sx/demos pages: one contact, a few people, notes and a version counter. Shared by
 * every visitor and lost on restart, which is all a demo needs; sizes are bounded so visitors cannot grow it.
 */
@ApplicationScoped
public class DemoStores {

    static final int MAX_NOTES = 50;
    static final int MAX_TEXT = 200;

    private Map<String, Object> contact = Map.of("name", "Ada Lovelace", "email", "ada@example.org");
    private final Map<String, Map<String, Object>> people = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger version = new AtomicInteger();

    public DemoStores() {
        people.putAll(seed());
    }

    /** Puts every person deleted so far back, in their first order, and returns them. */
    public synchronized List<Map<String, Object>> restorePeople() {
        people.clear();
        people.putAll(seed());
        return people();
    }

    private static Map<String, Map<String, Object>> seed() {
        String[][] seed = {{"Ada", "Treasurer"}, {"Grace", "Secretary"}, {"Alan", "Gardener"}, {"Hedy", "Baker"},
                {"Emmy", "Beekeeper"}, {"Kurt", "Librarian"}, {"Rosalind", "Cook"}, {"Tim", "Carpenter"}};
        Map<String, Map<String, Object>> people = new LinkedHashMap<>();
        for (int i = 0; i < seed.length; i++) {
            String id = Integer.toString(i + 1);
            people.put(id, Map.of("id", id, "name", seed[i][0], "role", seed[i][1]));
        }
        return people;
    }

    public synchronized Map<String, Object> contact() {
        return contact;
    }

    /** Saves the contact; a blank field keeps its old value, and text is cut to {@value #MAX_TEXT} characters. */
    public synchronized Map<String, Object> saveContact(String name, String email) {
        contact = Map.of("name", orElse(name, contact.get("name")), "email", orElse(email, contact.get("email")));
        return contact;
    }

    public synchronized List<Map<String, Object>> people() {
        return List.copyOf(people.values());
    }

    /** Removes a person; an unknown id is already gone. */
    public synchronized void deletePerson(String id) {
        people.remove(id);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /** Adds a note (blank ones are ignored) and returns all notes; the oldest go first past {@value #MAX_NOTES}. */
    public synchronized List<String> addNote(String note) {
        String text = clip(note);
        if (!text.isEmpty()) {
            notes.add(text);
            while (notes.size() > MAX_NOTES) {
                notes.remove(0);
            }
        }
        return List.copyOf(notes);
    }

    /** The next server version number, so a refreshed area visibly differs from the one it replaces. */
    public int tick() {
        return version.incrementAndGet();
    }

    private static Object orElse(String value, Object previous) {
        String text = clip(value);
        return text.isEmpty() ? previous : text;
    }

    private static String clip(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
