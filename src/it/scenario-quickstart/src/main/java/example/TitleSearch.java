package example;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quickstart's search (examples/quickstart, QuickstartService's /search) as a plain component: the same 20 000
 * titles and the same scan, without the HTTP server around it.
 */
public final class TitleSearch {
    private static final String[] WORDS = {"fast", "slow", "java", "maven", "latency", "gate", "cache", "query",
            "index", "load"};
    private final List<String> titles = new ArrayList<>();

    public TitleSearch() {
        for (int i = 0; i < 20_000; i++) {
            titles.add("title " + i + " " + WORDS[i % WORDS.length] + " " + WORDS[(i / 10) % WORDS.length]);
        }
    }

    public static String[] words() {
        return WORDS.clone();
    }

    /** Up to 20 titles containing the word, and how many there are, as JSON. */
    public String search(String word) {
        String needle = word.toLowerCase(Locale.ROOT);
        StringBuilder json = new StringBuilder("{\"query\":\"").append(needle).append("\",\"hits\":[");
        int hits = 0;
        for (String title : titles) {
            if (title.contains(needle) && hits < 20) {
                json.append(hits == 0 ? "" : ",").append('"').append(title).append('"');
                hits++;
            }
        }
        long total = titles.stream().filter(t -> t.contains(needle)).count();
        return json.append("],\"total\":").append(total).append('}').toString();
    }
}
