package org.minhu.knowledge;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two short texts are, for Chinese without a word segmenter: runs of Han characters
 * become character bigrams (a lone character stands for itself), runs of letters and digits
 * become lower-case words, and the two token sets are compared with the Dice coefficient.
 * The words every question is built from ("how do I", 怎么办, 可以吗) are left out: they would
 * make any two questions look alike.
 */
public final class TextSimilarity {

    private static final Set<String> QUESTION_WORDS = Set.of(
            "怎么", "么办", "怎样", "如何", "什么", "为什", "哪些", "哪里", "可以", "以吗", "能不", "不能", "请问", "我的",
            "a", "an", "the", "i", "me", "my", "we", "you", "your", "it", "is", "are", "was", "be", "do", "does",
            "did", "can", "could", "will", "should", "how", "what", "who", "where", "when", "why", "which",
            "to", "of", "in", "on", "at", "for", "from", "by", "with", "and", "or", "if", "there", "this", "that",
            "about", "get", "not", "no");

    private TextSimilarity() {
    }

    /** Full-width forms folded to ASCII and letters lower-cased, so "ＥＴＣ" and "etc" match. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        String normalized = normalize(text);
        int[] cps = normalized.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int start = i;
            if (isHan(cps[i])) {
                while (i < cps.length && isHan(cps[i])) {
                    i++;
                }
                if (i - start == 1) {
                    tokens.add(new String(cps, start, 1));
                }
                for (int j = start; j + 1 < i; j++) {
                    tokens.add(new String(cps, j, 2));
                }
            } else if (Character.isLetterOrDigit(cps[i])) {
                while (i < cps.length && Character.isLetterOrDigit(cps[i]) && !isHan(cps[i])) {
                    i++;
                }
                tokens.add(new String(cps, start, i - start));
            } else {
                i++;
            }
        }
        tokens.removeAll(QUESTION_WORDS);
        return tokens;
    }

    /** 2·|A∩B| / (|A|+|B|): 1 for the same tokens, 0 for none in common. */
    public static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String token : a) {
            if (b.contains(token)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
