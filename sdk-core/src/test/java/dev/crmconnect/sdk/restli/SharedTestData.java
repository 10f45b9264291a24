package dev.crmconnect.sdk.restli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.crmconnect.sdk.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the contract's shared test data, which lives beside the repository (repo at /x/main, data
 * at /x/shared/testdata), never copied into it.
 */
final class SharedTestData {

    private SharedTestData() {
    }

    /** The parsed JSON file {@code shared/testdata/<name>} found by walking up from the module. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) {
        Path relative = Paths.get("shared", "testdata", name);
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Json.mapper().readValue(candidate.toFile(), Map.class);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read " + candidate, e);
                }
            }
        }
        return fail("Cannot find " + relative + " in " + start + " or any directory above it; the contract's"
                + " shared/ directory must be checked out beside the repository (repo at /x/main, data at /x/shared)");
    }

    /** The value as the decoder gives it back: scalars as Strings, null as "". */
    static Object scalarsAsStrings(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(scalarsAsStrings(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, scalarsAsStrings(element)));
            return copy;
        }
        return value.toString();
    }
}
