package io.ztrade.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.ztrade.events.EventCatalog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeReflectionTest {

    @Test
    void shouldRegisterEveryCatalogPayloadForReflection() {
        List<Class<?>> registered = Arrays.asList(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());
        assertThat(registered).containsAll(EventCatalog.entries().stream().<Class<?>>map(EventCatalog.Entry::payload).toList());
    }
}
