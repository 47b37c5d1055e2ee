package dev.lookalike.analyzer.model;

/**
 * Makes the plug-in's class loader the thread's context class loader for a block, and restores the previous one
 * when closed. DJL finds its engine, and ImageIO its extra readers, through the context class loader with
 * {@link java.util.ServiceLoader}; on an engine's threads that loader is the server's, which cannot see the
 * plug-in's jars.
 */
final class PluginClassLoader implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private PluginClassLoader() {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PluginClassLoader.class.getClassLoader());
    }

    /** @return a scope in which the current thread's context class loader is the plug-in's */
    static PluginClassLoader enter() {
        return new PluginClassLoader();
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
