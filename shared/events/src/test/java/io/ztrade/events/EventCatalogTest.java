package io.ztrade.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private static List<String> typeConstants() throws IllegalAccessException {
        List<String> types = new ArrayList<>();
        for (Field f : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                types.add((String) f.get(null));
            }
        }
        return types;
    }

    @Test
    void shouldCatalogEveryTypeConstantExactlyOnce() throws IllegalAccessException {
        List<String> constants = typeConstants();
        assertThat(constants).hasSize(21).doesNotHaveDuplicates();
        assertThat(EventCatalog.entries()).extracting(EventCatalog.Entry::type).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void shouldUseReverseDnsTypesOfTheDesign() throws IllegalAccessException {
        assertThat(typeConstants()).allSatisfy(t -> assertThat(t).matches("io\\.ztrade\\.[a-z]+(\\.[a-z]+)+"));
        assertThat(EventTypes.BACKTEST_SWEEP_COMPLETED).isEqualTo("io.ztrade.backtest.sweep.completed");
        assertThat(EventTypes.ORDER_FILLED).isEqualTo("io.ztrade.order.filled");
    }

    @Test
    void shouldGiveEveryTypeAPayloadRecord() {
        assertThat(EventCatalog.entries()).allSatisfy(e -> assertThat(e.payload().isRecord()).as(e.type()).isTrue());
    }

    @Test
    void shouldRejectUnknownTypeNamingTheTypeAttribute() {
        assertThatThrownBy(() -> EventCatalog.payloadOf("io.ztrade.nope"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }
}
