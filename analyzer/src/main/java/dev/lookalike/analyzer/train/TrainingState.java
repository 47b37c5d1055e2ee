package dev.lookalike.analyzer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * What a checkpoint's bundle does not hold but a resumed run needs to go on as an uninterrupted run would:
 * the raw value of every parameter (the bundle keeps the proxies normalised), Adam's moments of each
 * ({@link AdamMoments}), and the instance-discrimination memory when the run has one. Each checkpoint keeps
 * it beside its bundle as {@value #FILE}; about three times the size of the parameters, plus the memory.
 */
final class TrainingState {

    /** The file name in a checkpoint directory. */
    static final String FILE = "training-state.bin";

    private static final int FORMAT = 1;

    private TrainingState() {
    }

    /**
     * @param block     the training block
     * @param optimizer its optimizer
     * @param memory    the run's instance memory, or {@code null}
     * @return the state, serialised
     * @throws IOException if an array cannot be encoded
     */
    static byte[] encode(ProxyNcaBlock block, SplitRateOptimizer optimizer, InstanceMemory memory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(FORMAT);
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> named : parameters) {
            Parameter parameter = named.getValue();
            out.writeUTF(named.getKey());
            writeArray(out, parameter.getArray());
            NDArray[] moments = AdamMoments.get(optimizer.forParameter(parameter.getId()), parameter.getId());
            out.writeBoolean(moments != null);
            if (moments != null) {
                writeArray(out, moments[0]);
                writeArray(out, moments[1]);
            }
        }
        float[] entries = memory == null ? new float[0] : memory.entries();
        out.writeBoolean(memory != null);
        out.writeInt(entries.length);
        for (float v : entries) {
            out.writeFloat(v);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Puts a saved state back into a freshly built run of the same architecture and settings.
     *
     * @param state     bytes from {@link #encode}
     * @param block     the training block, initialised
     * @param optimizer its optimizer, before its first update
     * @param memory    the run's instance memory, or {@code null}
     * @param manager   owns the restored moments for the rest of the run
     * @throws IOException if the state is of another format, or of another network or run
     */
    static void restore(byte[] state, ProxyNcaBlock block, SplitRateOptimizer optimizer, InstanceMemory memory,
            NDManager manager) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        if (in.readInt() != FORMAT) {
            throw new IOException("training state of another format");
        }
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        if (in.readInt() != parameters.size()) {
            throw new IOException("training state of another network");
        }
        for (Pair<String, Parameter> named : parameters) {
            Parameter parameter = named.getValue();
            String name = in.readUTF();
            NDArray value = readArray(in, manager);
            if (!name.equals(named.getKey()) || !value.getShape().equals(parameter.getArray().getShape())) {
                throw new IOException("training state of another network: " + name + " " + value.getShape()
                        + " where " + named.getKey() + " " + parameter.getArray().getShape() + " is");
            }
            parameter.getArray().set(FloatBuffer.wrap(value.toFloatArray()));
            value.close();
            if (in.readBoolean()) {
                AdamMoments.set(optimizer.forParameter(parameter.getId()), parameter.getId(),
                        readArray(in, manager), readArray(in, manager));
            }
        }
        boolean hadMemory = in.readBoolean();
        float[] entries = new float[in.readInt()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = in.readFloat();
        }
        if (hadMemory != (memory != null)) {
            throw new IOException("training state of a run " + (hadMemory ? "with" : "without")
                    + " an instance-discrimination term, resumed " + (hadMemory ? "without" : "with") + " one");
        }
        if (memory != null) {
            memory.restore(entries);
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] encoded = array.encode();
        out.writeInt(encoded.length);
        out.write(encoded);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] encoded = new byte[in.readInt()];
        in.readFully(encoded);
        return manager.decode(encoded);
    }
}
