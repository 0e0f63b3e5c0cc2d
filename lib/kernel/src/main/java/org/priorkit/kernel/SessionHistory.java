package org.priorkit.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run since the kernel started, for Jupyter's history requests (what JupyterLab's console and
 * {@code jupyter console} use for the up arrow): the last n, a range of cell numbers, or a glob search
 * ({@code *} any text, {@code ?} one character, as IPython's), each with the cell's text result if asked.
 * One session, numbered 1; cells are kept in memory only.
 */
final class SessionHistory implements HistoryManager {

    static final int SESSION = 1;

    private final List<HistoryEntry> cells = new ArrayList<>();

    /** Records cell {@code number}'s input and its text result (null when it had none). */
    synchronized void record(int number, String input, String output) {
        cells.add(new HistoryEntry(SESSION, number, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int n = Math.max(0, Math.min(length, cells.size()));
        return shown(cells.subList(cells.size() - n, cells.size()), flags);
    }

    /** Cells numbered {@code start} up to, not including, {@code stop} (session 0 or 1: this one). */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return shown(cells.stream().filter(c -> c.getCellNumber() >= start && c.getCellNumber() < stop).toList(), flags);
    }

    /** The last {@code length} cells whose input matches the glob {@code pattern} (once each if UNIQUE). */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<HistoryEntry> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = cells.size() - 1; i >= 0 && (length <= 0 || found.size() < length); i--) {
            HistoryEntry c = cells.get(i);
            if (glob.matcher(c.getInput()).matches() && (!flags.contains(ResultFlag.UNIQUE) || seen.add(c.getInput()))) {
                found.add(0, c);
            }
        }
        return shown(found, flags);
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            regex.append(ch == '*' ? "(?s).*" : ch == '?' ? "(?s)." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString());
    }

    /** Without INCLUDE_OUTPUT the reply carries inputs only. */
    private static List<HistoryEntry> shown(List<HistoryEntry> entries, Set<ResultFlag> flags) {
        if (flags.contains(ResultFlag.INCLUDE_OUTPUT)) {
            return List.copyOf(entries);
        }
        return entries.stream().map(e -> new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), null)).toList();
    }
}
