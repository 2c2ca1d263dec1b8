package dev.perfgate.profile;

import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Method names as a person reads them, and stable across runs: lambda and hidden classes get a new numeric name in
 * every JVM ({@code Foo$$Lambda$123/0x0000000800c0b000}), which would make the same code look like a new method in
 * every comparison.
 */
final class FrameNames {
    // JDK 17 JFR writes hidden classes as "Foo$$Lambda$14/0x0000000800c0b000" or "Foo$$Lambda+0x00007f45….373182087"
    private static final Pattern LAMBDA = Pattern.compile(
            "\\$\\$Lambda(?:\\$\\d+)?(?:[/+]0x[0-9a-fA-F]+)?(?:\\.\\d+)?");
    private static final Pattern HIDDEN = Pattern.compile("[/+]0x[0-9a-fA-F]+(?:\\.\\d+)?");
    private static final Pattern GENERATED_NUMBER = Pattern.compile("(\\$(?:Proxy|Accessor|GeneratedMethodAccessor))\\d+");

    private FrameNames() {
    }

    /** "com.acme.Search.findAll", with lambda and hidden-class suffixes removed. */
    static String of(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "unknown";
        }
        String type = frame.getMethod().getType() == null ? "unknown" : frame.getMethod().getType().getName();
        return normalise(type) + "." + frame.getMethod().getName();
    }

    /**
     * The first frame from the top of the stack that is not JDK code: where the application allocated, locked or
     * did I/O. "java.util.ArrayList.grow" says little; the method that grew the list is what a person can change.
     * The top frame when every frame is the JDK's; "unknown" without a stack.
     */
    static String applicationSite(RecordedStackTrace trace) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return "unknown";
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod() != null && frame.getMethod().getType() != null
                    && !isJdk(frame.getMethod().getType().getName())) {
                return of(frame);
            }
        }
        return of(trace.getFrames().get(0));
    }

    static boolean isJdk(String typeName) {
        return typeName.startsWith("java.") || typeName.startsWith("javax.") || typeName.startsWith("jdk.")
                || typeName.startsWith("sun.") || typeName.startsWith("com.sun.");
    }

    /** A class name as written in Java: JFR gives arrays as descriptors ("[J", "[Ljava.lang.String;"). */
    static String readableClass(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return normalise(name);
        }
        String element = name.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? normalise(element.substring(1, element.length() - 1)) : normalise(element);
        };
        return base + "[]".repeat(dims);
    }

    static String normalise(String typeName) {
        String t = LAMBDA.matcher(typeName).replaceAll("\\$\\$Lambda");
        t = HIDDEN.matcher(t).replaceAll("");
        return GENERATED_NUMBER.matcher(t).replaceAll("$1");
    }
}
