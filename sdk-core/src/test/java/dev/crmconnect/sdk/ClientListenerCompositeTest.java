package dev.crmconnect.sdk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ClientListenerCompositeTest {

    @Test
    void forwardsEveryEventTheClientHas() {
        // A new event added to ClientListener must be forwarded too, not left to its empty default.
        Class<?> composite = ClientListener.composite().getClass();
        for (Method event : ClientListener.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(event.getModifiers())) {
                assertDoesNotThrow(() -> composite.getDeclaredMethod(event.getName(), event.getParameterTypes()),
                        event.getName());
            }
        }
    }

    @Test
    void refusesNullListeners() {
        assertThrows(NullPointerException.class, () -> ClientListener.composite((ClientListener) null));
    }
}
