package io.ztrade.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls {@link SharedInfrastructure} as loaded by the system class loader, so that every Quarkus
 * application in the JVM (each with class loaders of its own) reaches the same servers. Where the
 * system class loader does not see this module (an unusual launcher), the caller's copy is used.
 */
final class JvmShared {

    private JvmShared() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> call(String method, Class<?>[] parameterTypes, Object... arguments) {
        Class<?> shared = sharedClass();
        try {
            Method m = shared.getMethod(method, parameterTypes);
            return new LinkedHashMap<>((Map<String, String>) m.invoke(null, arguments));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + shared.getName() + "." + method, e);
        }
    }

    private static Class<?> sharedClass() {
        try {
            return Class.forName(SharedInfrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return SharedInfrastructure.class;
        }
    }
}
