package dev.crmconnect.sdk.internal.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyIndexTest {

    /** Keys of one to three hundred bytes, ASCII and not, many sharing a prefix. */
    private static String key(Random random) {
        int kind = random.nextInt(4);
        return switch (kind) {
            case 0 -> "c-" + random.nextInt(5_000);
            case 1 -> "ü-" + random.nextInt(500) + "-名";
            case 2 -> "x".repeat(100 + random.nextInt(5)) + random.nextInt(300); // a two-byte length prefix
            default -> Integer.toString(random.nextInt(2_000), 36);
        };
    }

    @Test
    void agreesWithAMapOverManyPutsAndRemoves() {
        Random random = new Random(42);
        KeyIndex index = new KeyIndex();
        Map<String, long[]> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            String key = key(random);
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(3) == 0) {
                assertEquals(model.remove(key) != null, index.remove(bytes), () -> "remove " + key);
            } else {
                long high = random.nextLong();
                long low = random.nextLong();
                int generation = random.nextInt(50);
                index.put(bytes, new Digest(high, low), generation);
                model.put(key, new long[] {high, low, generation});
            }
            if (step % 20_000 == 0) {
                assertSame(index, model);
            }
        }
        assertSame(index, model);
    }

    @Test
    void findsKeysAfterManyRemovalsReclaimedTheirBytes() {
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 50_000; i++) {
            index.put(("key-" + i).getBytes(StandardCharsets.UTF_8), new Digest(i, -i), 1);
        }
        for (int i = 0; i < 50_000; i += 2) {
            assertTrue(index.remove(("key-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(25_000, index.size());
        for (int i = 0; i < 50_000; i++) {
            Digest digest = index.digest(("key-" + i).getBytes(StandardCharsets.UTF_8));
            assertEquals(i % 2 == 0 ? null : new Digest(i, -i), digest, "key-" + i);
        }
    }

    @Test
    void listsAndCountsTheEntriesOfEarlierGenerations() {
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 100; i++) {
            index.put(("k" + i).getBytes(StandardCharsets.UTF_8), new Digest(1, 2), i < 30 ? 1 : 2);
        }
        List<String> stale = new ArrayList<>();
        index.staleKeys(2, 10, stale);
        assertEquals(10, stale.size());
        stale.forEach(key -> assertTrue(Integer.parseInt(key.substring(1)) < 30, key));
        assertEquals(30, index.countStale(2));
        assertEquals(2, index.maxGeneration());
    }

    private static void assertSame(KeyIndex index, Map<String, long[]> model) {
        assertEquals(model.size(), index.size());
        Map<String, long[]> visited = new HashMap<>();
        index.forEach((bytes, offset, length, high, low, generation) -> visited.put(
                new String(bytes, offset, length, StandardCharsets.UTF_8), new long[] {high, low, generation}));
        assertEquals(model.keySet(), visited.keySet());
        model.forEach((key, entry) -> {
            assertArrayEquals(entry, visited.get(key), key);
            assertEquals(new Digest(entry[0], entry[1]), index.digest(key.getBytes(StandardCharsets.UTF_8)), key);
        });
    }
}
