package dev.perfgate.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.concurrent.Callable;

/**
 * The user's scenario class, checked once: on the classpath, a public concrete class implementing
 * {@link Callable} or {@link Runnable}, with a public no-arg constructor. Each worker thread gets its own instance, so
 * the class need not be thread-safe.
 */
final class ScenarioClass {
    /** One call of the scenario: one operation. */
    @FunctionalInterface
    interface Operation {
        void call() throws Exception;
    }

    private final Class<?> type;
    private final Constructor<?> constructor;

    private ScenarioClass(Class<?> type, Constructor<?> constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /** @throws ScenarioException with a one-line message saying what is wrong and what to change */
    static ScenarioClass load(String name, ClassLoader loader) throws ScenarioException {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ScenarioException("scenario class " + name + " is not on the test classpath (" + e + "); check "
                    + "the name in <scenario> and that it is compiled (src/test/java, test-compile)");
        } catch (ExceptionInInitializerError e) {
            throw new ScenarioException("scenario class " + name + " failed in its static initializer: "
                    + e.getCause());
        } catch (LinkageError e) {
            throw new ScenarioException("scenario class " + name + " cannot be loaded: " + e);
        }
        if (!Callable.class.isAssignableFrom(type) && !Runnable.class.isAssignableFrom(type)) {
            throw new ScenarioException("scenario class " + name + " implements neither java.util.concurrent.Callable "
                    + "nor java.lang.Runnable; implement one of them: one call() or run() is one operation");
        }
        int modifiers = type.getModifiers();
        if (type.isInterface() || Modifier.isAbstract(modifiers)) {
            throw new ScenarioException("scenario class " + name + " is abstract; name a concrete class");
        }
        if (!Modifier.isPublic(modifiers) || type.isMemberClass() && !Modifier.isStatic(modifiers)) {
            throw new ScenarioException("scenario class " + name + " must be public (and static if nested) for "
                    + "perfgate to create it");
        }
        try {
            return new ScenarioClass(type, type.getConstructor());
        } catch (NoSuchMethodException e) {
            throw new ScenarioException("scenario class " + name + " has no public no-arg constructor; add one (set "
                    + "up shared state in it or in static fields)");
        }
    }

    Class<?> type() {
        return type;
    }

    /** A fresh instance as an operation. */
    Operation newOperation() throws ScenarioException {
        Object instance;
        try {
            instance = constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new ScenarioException("the constructor of scenario class " + type.getName() + " threw "
                    + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ScenarioException("scenario class " + type.getName() + " cannot be created: " + e);
        }
        if (instance instanceof Callable<?> callable) {
            return callable::call;
        }
        Runnable runnable = (Runnable) instance;
        return runnable::run;
    }
}
