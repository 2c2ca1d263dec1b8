package dev.perfgate.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Escaping for the HTML report. Request names, gate messages and profile frames are user text: every one goes
 * through {@link #text} or {@link #attr}, and data for the page's script through {@link #scriptJson}.
 */
public final class Html {
    private static final ObjectMapper SCRIPT_JSON = JsonMapper.builder().build();

    static {
        SCRIPT_JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private Html() {
    }

    /** Text content of an element: {@code & < >} escaped; quotes too, so that the same text is safe in attributes. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A double-quoted attribute value. */
    public static String attr(String s) {
        return text(s);
    }

    /**
     * JSON that can stand inside {@code <script type="application/json">}: {@code < > &} and the two JavaScript
     * line terminators are written as {@code \\uXXXX}, so no value can close the element ({@code </script>}) or
     * open a comment, and the text parses with JSON.parse unchanged.
     */
    public static String scriptJson(Object value) {
        try {
            return SCRIPT_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report data: " + e.getMessage(), e);
        }
    }

    /**
     * Library code inlined into a {@code <script>} element: the only sequence that could end the element early is
     * {@code </script}, which in JavaScript can only occur inside a string or a regular expression, where
     * {@code <\/script} means the same.
     */
    public static String inlineScript(String code) {
        return code.replaceAll("(?i)</(script)", "<\\\\/$1");
    }

    /** CSS inlined into a {@code <style>} element, likewise. */
    public static String inlineStyle(String css) {
        return css.replaceAll("(?i)</(style)", "<\\\\/$1");
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '\u2028' || ch == '\u2029') {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
