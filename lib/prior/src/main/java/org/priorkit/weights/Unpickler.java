package org.priorkit.weights;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Python's pickle format read into plain Java values, enough for what {@code torch.save} writes
 * (protocol 2, the default) and the Lightning checkpoints around it (protocols up to 5).
 *
 * <p>Nothing is executed: a pickled class or function ({@code GLOBAL}) becomes a {@link Global}, and
 * calling it ({@code REDUCE}, {@code NEWOBJ}) builds a {@link PickledObject} holding the name and the
 * arguments. A caller maps the few calls it understands (e.g. torch's tensor rebuild) with
 * {@code calls}; {@code collections.OrderedDict}, {@code set}, {@code frozenset} and Python 3's bytes
 * ({@code _codecs.encode}) are built in. Values: null, Boolean, Long (BigInteger past 64 bits), Double,
 * String, byte[], List (lists and tuples), LinkedHashMap (dicts), Set.
 */
public final class Unpickler {

    /** A pickled reference to a Python class or function, e.g. {@code torch._utils._rebuild_tensor_v2}. */
    public record Global(String module, String name) {
        public String qualifiedName() {
            return module + "." + name;
        }
    }

    /** An object of a class the reader does not build: the class, its constructor arguments, its state. */
    public static final class PickledObject {
        private final Global type;
        private final List<Object> args;
        private Object state;

        PickledObject(Global type, List<Object> args) {
            this.type = type;
            this.args = args;
        }

        public Global type() {
            return type;
        }

        public List<Object> args() {
            return args;
        }

        /** What {@code __setstate__} would receive (usually the object's {@code __dict__}), or null. */
        public Object state() {
            return state;
        }

        @Override
        public String toString() {
            return type.qualifiedName() + args;
        }
    }

    /** A call the caller builds itself: the callable's name and its positional arguments. */
    public interface Calls {
        /** The built value, or {@link #NOT_MINE} to keep the call as a {@link PickledObject}. */
        Object call(Global callable, List<Object> args);
    }

    /** Returned by {@link Calls#call} for calls left to the reader. */
    public static final Object NOT_MINE = new Object();

    private static final Object MARK = new Object();

    private final InputStream in;
    private final Function<Object, Object> persistentLoad;
    private final Calls calls;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private long position;

    /**
     * @param persistentLoad resolves a persistent id (torch's storages); null if the pickle has none
     * @param calls          builds the calls the caller knows; may return {@link #NOT_MINE}
     */
    public Unpickler(InputStream in, Function<Object, Object> persistentLoad, Calls calls) {
        this.in = in;
        this.persistentLoad = persistentLoad;
        this.calls = calls;
    }

    /** Reads one pickle up to its STOP opcode and returns its value. */
    public Object load() throws IOException {
        while (true) {
            long at = position;
            int op = u8();
            switch (op) {
                case 0x80 -> u8();                                             // PROTO
                case 0x95 -> readBytes(8);                                     // FRAME: its length only
                case '.' -> {                                                  // STOP
                    return pop();
                }
                case '(' -> stack.add(MARK);
                case 'N' -> stack.add(null);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'J' -> stack.add((long) le32());                          // BININT
                case 'K' -> stack.add((long) u8());                            // BININT1
                case 'M' -> stack.add((long) (u8() | (u8() << 8)));            // BININT2
                case 0x8a -> stack.add(longFrom(readBytes(u8())));             // LONG1
                case 0x8b -> stack.add(longFrom(readBytes(size(le32()))));     // LONG4
                case 'G' -> stack.add(Double.longBitsToDouble(be64()));        // BINFLOAT
                case 'X' -> stack.add(utf8(readBytes(size(le32()))));          // BINUNICODE
                case 0x8c -> stack.add(utf8(readBytes(u8())));                 // SHORT_BINUNICODE
                case 0x8d -> stack.add(utf8(readBytes(size(le64()))));         // BINUNICODE8
                case 'T' -> stack.add(latin1(readBytes(size(le32()))));        // BINSTRING
                case 'U' -> stack.add(latin1(readBytes(u8())));                // SHORT_BINSTRING
                case 'B' -> stack.add(readBytes(size(le32())));                // BINBYTES
                case 'C' -> stack.add(readBytes(u8()));                        // SHORT_BINBYTES
                case 0x8e -> stack.add(readBytes(size(le64())));               // BINBYTES8
                case ')' -> stack.add(List.of());                              // EMPTY_TUPLE
                case 't' -> stack.add(Collections.unmodifiableList(popToMark()));
                case 0x85 -> stack.add(tuple(1));
                case 0x86 -> stack.add(tuple(2));
                case 0x87 -> stack.add(tuple(3));
                case ']' -> stack.add(new ArrayList<>());                      // EMPTY_LIST
                case 'l' -> stack.add(new ArrayList<>(popToMark()));           // LIST
                case 'a' -> {                                                  // APPEND
                    Object item = pop();
                    list(peek()).add(item);
                }
                case 'e' -> {                                                  // APPENDS
                    List<Object> items = popToMark();
                    list(peek()).addAll(items);
                }
                case '}' -> stack.add(new LinkedHashMap<>());                  // EMPTY_DICT
                case 'd' -> stack.add(dict(new LinkedHashMap<>(), popToMark()));
                case 's' -> {                                                  // SETITEM
                    Object value = pop();
                    Object key = pop();
                    map(peek()).put(key, value);
                }
                case 'u' -> {                                                  // SETITEMS
                    List<Object> items = popToMark();
                    dict(map(peek()), items);
                }
                case 0x8f -> stack.add(new LinkedHashSet<>());                 // EMPTY_SET
                case 0x90 -> {                                                 // ADDITEMS
                    List<Object> items = popToMark();
                    set(peek()).addAll(items);
                }
                case 0x91 -> stack.add(Collections.unmodifiableSet(new LinkedHashSet<>(popToMark())));
                case 'c' -> stack.add(new Global(line(), line()));             // GLOBAL
                case 0x93 -> {                                                 // STACK_GLOBAL
                    String name = (String) pop();
                    stack.add(new Global((String) pop(), name));
                }
                case 'R' -> {                                                  // REDUCE
                    List<Object> args = list(pop());
                    stack.add(call(pop(), args, at));
                }
                case 0x81 -> {                                                 // NEWOBJ
                    List<Object> args = list(pop());
                    stack.add(call(pop(), args, at));
                }
                case 0x92 -> {                                                 // NEWOBJ_EX (keyword args dropped)
                    pop();
                    List<Object> args = list(pop());
                    stack.add(call(pop(), args, at));
                }
                case 'b' -> build(pop(), peek());                              // BUILD
                case 'Q' -> stack.add(persistent(pop(), at));                  // BINPERSID
                case 'q' -> memo.put((long) u8(), peek());                     // BINPUT
                case 'r' -> memo.put((long) le32() & 0xffffffffL, peek());     // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek());             // MEMOIZE
                case 'h' -> stack.add(memoGet(u8(), at));                      // BINGET
                case 'j' -> stack.add(memoGet(le32() & 0xffffffffL, at));      // LONG_BINGET
                case '0' -> pop();                                             // POP
                case '1' -> popToMark();                                       // POP_MARK
                case '2' -> stack.add(peek());                                 // DUP
                default -> throw new IOException(String.format(
                        "pickle opcode 0x%02x at byte %d is not supported (a protocol-0 text pickle or an unusual object)",
                        op, at));
            }
        }
    }

    private Object call(Object callable, List<Object> args, long at) throws IOException {
        if (!(callable instanceof Global g)) {
            throw new IOException("pickle calls a " + describe(callable) + " at byte " + at + ", not a class or function");
        }
        Object built = calls == null ? NOT_MINE : calls.call(g, args);
        if (built != NOT_MINE) {
            return built;
        }
        return switch (g.qualifiedName()) {
            case "collections.OrderedDict", "builtins.dict", "__builtin__.dict" -> new LinkedHashMap<>();
            case "builtins.set", "__builtin__.set" -> new LinkedHashSet<>(args.isEmpty() ? List.of() : list(args.get(0)));
            case "builtins.frozenset", "__builtin__.frozenset" ->
                    Collections.unmodifiableSet(new LinkedHashSet<>(args.isEmpty() ? List.of() : list(args.get(0))));
            case "_codecs.encode" -> ((String) args.get(0)).getBytes(StandardCharsets.ISO_8859_1); // Python 3 bytes
            default -> new PickledObject(g, args);
        };
    }

    private static void build(Object state, Object target) {
        if (target instanceof PickledObject o) {
            o.state = state;
        }
        // a dict's BUILD (e.g. a state_dict's _metadata attribute) carries nothing the kit reads
    }

    private Object persistent(Object pid, long at) throws IOException {
        if (persistentLoad == null) {
            throw new IOException("pickle refers to outside data at byte " + at + " but nothing resolves it");
        }
        return persistentLoad.apply(pid);
    }

    private Object memoGet(long key, long at) throws IOException {
        if (!memo.containsKey(key)) {
            throw new IOException("pickle reads memo " + key + " at byte " + at + " before writing it");
        }
        return memo.get(key);
    }

    private static Map<Object, Object> dict(Map<Object, Object> into, List<Object> keyValues) {
        for (int i = 0; i + 1 < keyValues.size(); i += 2) {
            into.put(keyValues.get(i), keyValues.get(i + 1));
        }
        return into;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) throws IOException {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IOException("pickle expected a list or tuple, found " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object o) throws IOException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new IOException("pickle sets an item on " + describe(o) + ", not a dict");
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> set(Object o) throws IOException {
        if (o instanceof Set<?> s) {
            return (Set<Object>) s;
        }
        throw new IOException("pickle adds to " + describe(o) + ", not a set");
    }

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private List<Object> tuple(int n) throws IOException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(items));
    }

    private List<Object> popToMark() throws IOException {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw new IOException("pickle has no MARK before byte " + position);
        }
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private Object pop() throws IOException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw new IOException("pickle stack is empty at byte " + position);
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws IOException {
        if (stack.isEmpty()) {
            throw new IOException("pickle stack is empty at byte " + position);
        }
        return stack.get(stack.size() - 1);
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("pickle ends at byte " + position + " without a STOP");
        }
        position++;
        return b;
    }

    private int le32() throws IOException {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private long le64() throws IOException {
        return (le32() & 0xffffffffL) | ((long) le32() << 32);
    }

    private long be64() throws IOException {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | u8();
        }
        return v;
    }

    private static int size(long n) throws IOException {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IOException("pickle item of " + n + " bytes is too large");
        }
        return (int) n;
    }

    private byte[] readBytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("pickle ends inside an item at byte " + (position + b.length));
        }
        position += n;
        return b;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = u8(); b != '\n'; b = u8()) {
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Python's little-endian two's-complement long; a Long when it fits. */
    private static Object longFrom(byte[] le) {
        if (le.length == 0) {
            return 0L;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
