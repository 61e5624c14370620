package dev.realtimetck.benchmarks;

import java.lang.reflect.InvocationTargetException;

/** Creates the {@link BenchmarkTarget} named by a benchmark's {@code factory} parameter. */
final class BenchmarkTargets {

    /** The default of every {@code factory} parameter. */
    static final String DEFAULT = "dev.realtimetck.benchmarks.ReferenceTransportTarget";

    private BenchmarkTargets() {
    }

    /**
     * Instantiates {@code className} through its public no-argument constructor.
     *
     * @throws IllegalArgumentException naming {@code factory} when the class is missing, is not a
     *                                  {@link BenchmarkTarget} or cannot be constructed
     */
    static BenchmarkTarget create(String className) {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("factory: a BenchmarkTarget class name is required");
        }
        Class<?> type;
        try {
            type = Class.forName(className.strip());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("factory: class " + className + " is not on the class path", e);
        }
        if (!BenchmarkTarget.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(
                    "factory: " + className + " does not implement " + BenchmarkTarget.class.getName());
        }
        try {
            return (BenchmarkTarget) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    "factory: " + className + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "factory: the constructor of " + className + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("factory: cannot instantiate " + className + ": " + e, e);
        }
    }
}
