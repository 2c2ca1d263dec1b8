package example;

import java.util.concurrent.Callable;

/**
 * One search per call, cycling through the quickstart's words; perfgate runs one instance per thread. A wrong
 * answer throws, and counts as an error.
 */
public class SearchScenario implements Callable<String> {
    private static final TitleSearch SEARCH = new TitleSearch();
    private static final String[] WORDS = TitleSearch.words();
    private int next;

    @Override
    public String call() {
        String word = WORDS[next++ % WORDS.length];
        String result = SEARCH.search(word);
        if (!result.contains("\"total\":3800")) {
            throw new IllegalStateException("unexpected result for " + word + ": " + result);
        }
        return result;
    }
}
